package com.profilepictures.application.testing;

import com.profilepictures.domain.port.RefreshPause;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The refresh's pause in memory; it passes {@link RefreshPauseContract} as the DynamoDB adapter does. */
public final class InMemoryRefreshPause implements RefreshPause {

    private final AtomicReference<Instant> until = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<Instant> pausedUntil(Instant now) {
        reads.incrementAndGet();
        return Optional.ofNullable(until.get()).filter(end -> end.isAfter(now));
    }

    @Override
    public void pauseUntil(Instant end) {
        until.accumulateAndGet(end, (stored, offered) -> stored == null || offered.isAfter(stored) ? offered : stored);
    }

    /** How many times the pause was read: a batch reads it once. */
    public int reads() {
        return reads.get();
    }
}
