package com.profilepictures.domain.scrape;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in monotonic time by which a scrape must have its verdict, and the length it was set with
 * (for messages). One deadline is shared by every source a scrape asks, so that the whole scrape fits
 * its budget however it is split.
 *
 * @param expiresAtNanos the {@link System#nanoTime()} at which it expires
 * @param length         how long it was when set, e.g. {@code PT20S}
 */
public record Deadline(long expiresAtNanos, Duration length) {

    public Deadline {
        Objects.requireNonNull(length, "length");
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** What is left, never negative. */
    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** This deadline, or {@code budget} from now if that comes first: a share of the whole. */
    public Deadline within(Duration budget) {
        long candidate = System.nanoTime() + budget.toNanos();
        return candidate - expiresAtNanos < 0 ? new Deadline(candidate, budget) : this;
    }
}
