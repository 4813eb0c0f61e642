package com.profilepictures.adapters.selenium;

import java.time.Duration;

/** A point in monotonic time by which a scrape must have its verdict. */
record Deadline(long expiresAtNanos) {

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** What is left, never negative. */
    Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    boolean hasPassed() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
