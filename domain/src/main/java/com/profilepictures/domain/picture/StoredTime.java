package com.profilepictures.domain.picture;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A time as the service stores and serves it: given, at millisecond precision, so that comparing two of them means
 * the same thing everywhere. The records that hold times read each one through {@link #of}.
 */
public final class StoredTime {

    private StoredTime() {}

    /**
     * {@code time} as stored.
     *
     * @throws NullPointerException naming {@code name} when there is no time
     */
    public static Instant of(Instant time, String name) {
        return Objects.requireNonNull(time, name).truncatedTo(ChronoUnit.MILLIS);
    }
}
