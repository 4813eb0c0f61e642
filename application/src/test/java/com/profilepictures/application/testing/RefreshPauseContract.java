package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.domain.port.RefreshPause;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshPause} must do; the in-memory fake and the DynamoDB adapter both extend this. */
public abstract class RefreshPauseContract {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    /** A pause never paused, used by one test only. */
    protected abstract RefreshPause freshPause();

    @Test
    void aPauseNeverSetPausesNothing() {
        assertEquals(Optional.empty(), freshPause().pausedUntil(T0));
    }

    @Test
    void aPauseHoldsUntilItsEndAndNoLonger() {
        var pause = freshPause();

        pause.pauseUntil(T0.plusSeconds(60));

        assertEquals(Optional.of(T0.plusSeconds(60)), pause.pausedUntil(T0));
        assertEquals(
                Optional.of(T0.plusSeconds(60)),
                pause.pausedUntil(T0.plusSeconds(60).minusMillis(1)));
        assertEquals(Optional.empty(), pause.pausedUntil(T0.plusSeconds(60)));
    }

    @Test
    void aPauseIsLengthenedButNeverShortened() {
        var pause = freshPause();
        pause.pauseUntil(T0.plusSeconds(60));

        pause.pauseUntil(T0.plusSeconds(30));
        var notShortened = pause.pausedUntil(T0);
        pause.pauseUntil(T0.plusSeconds(90));

        assertEquals(Optional.of(T0.plusSeconds(60)), notShortened);
        assertEquals(Optional.of(T0.plusSeconds(90)), pause.pausedUntil(T0));
    }
}
