package com.profilepictures.domain.refresh;

import com.profilepictures.domain.picture.Handle;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * This account sent again to be read at {@code at}, as seen {@code now}: the next attempt, held back until
     * then, or for the longest SQS allows if that is sooner (the worker that reads it then finds out whether
     * to wait on).
     */
    public RefreshRequest again(Instant at, Instant now) {
        Duration wait = Duration.between(now, at);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return new RefreshRequest(handle, attempt + 1, wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait);
    }

    /** The first request for {@code handle}, readable at once. */
    public static RefreshRequest first(Handle handle) {
        return new RefreshRequest(handle, 1, Duration.ZERO);
    }
}
