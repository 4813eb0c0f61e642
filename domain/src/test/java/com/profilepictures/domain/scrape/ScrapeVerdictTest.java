package com.profilepictures.domain.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScrapeVerdictTest {

    private static final Instant RESET = Instant.parse("2026-12-06T07:15:00Z");

    @Test
    void givenARateLimit_undecided_carriesWhenToRetry() {
        Undecided limited = Undecided.rateLimited("HTTP 429", RESET);

        assertEquals(Cause.RATE_LIMITED, limited.cause());
        assertEquals(Optional.of(RESET), limited.retryAt());
    }

    @Test
    void givenARateLimitWithoutARetryTime_undecided_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Undecided(Cause.RATE_LIMITED, "HTTP 429"));
    }

    @Test
    void givenAnotherCause_undecided_needsNoRetryTime() {
        assertEquals(Optional.empty(), new Undecided(Cause.NO_PROFILE, "no profile").retryAt());
    }

    @Test
    void givenASourceThatReadsOneProfileAtATime_scrapeAll_asksEachAccountOnceInOrder() {
        List<Handle> asked = new ArrayList<>();
        ProfilePictureScraper oneByOne = (handle, deadline) -> {
            asked.add(handle);
            return new ScrapeVerdict.AccountNotFound("no @" + handle);
        };

        Map<Handle, ScrapeVerdict> verdicts = oneByOne.scrapeAll(
                List.of(Handle.of("Jack"), Handle.of("bob"), Handle.of("JACK")), Deadline.after(Duration.ofSeconds(1)));

        assertEquals(List.of(Handle.of("Jack"), Handle.of("bob")), asked);
        assertEquals(
                List.of("Jack", "bob"),
                verdicts.keySet().stream().map(Handle::display).toList());
        assertEquals(new ScrapeVerdict.AccountNotFound("no @Jack"), verdicts.get(Handle.of("jack")));
    }
}
