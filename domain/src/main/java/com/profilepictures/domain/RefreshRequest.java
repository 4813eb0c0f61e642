package com.profilepictures.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One account to refresh, as one queue message: the how-many-th time it is sent ({@code attempt}, from 1), and
 * how long the queue holds it back before a worker may read it ({@code delay}, at most what SQS allows).
 */
public record RefreshRequest(Handle handle, int attempt, Duration delay) {

    /** SQS holds a message back for at most 15 minutes ({@code DelaySeconds} 900). */
    public static final Duration MAX_DELAY = Duration.ofSeconds(900);

    public RefreshRequest {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(delay, "delay");
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1: " + attempt);
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("A message is held back 0 to " + MAX_DELAY + ": " + delay);
        }
    }

    /** The first request for {@code handle}, readable at once. */
    public static RefreshRequest first(Handle handle) {
        return new RefreshRequest(handle, 1, Duration.ZERO);
    }
}
