package com.profilepictures.domain.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The one pause of the whole refresh, shared by every worker in every execution environment: a 429 from X
 * stops every worker asking X until X's reset, not just the one that got it. Implementations throw
 * {@link StorageUnavailableException} when their store does not answer in time.
 */
public interface RefreshPause {

    /** When the pause ends, if the refresh is paused at {@code now}. */
    Optional<Instant> pausedUntil(Instant now);

    /** Pauses the refresh until {@code until}, unless it is paused until then or later already. */
    void pauseUntil(Instant until);
}
