package com.profilepictures.adapters.xapi;

import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this process may ask X's API now. After a rate limit (429) it asks nothing until X's reset; after a
 * refused token (401, 403) nothing for {@link #AFTER_REFUSAL}, so that a bad token costs one request every few
 * minutes instead of one per scrape. Each pause is logged once, as one line naming the status and never the
 * token; while it lasts every scrape gets the pause's own verdict at once.
 */
final class SourcePause {

    /** How long a refused token keeps the source quiet. */
    static final java.time.Duration AFTER_REFUSAL = java.time.Duration.ofMinutes(5);

    /** How long a rate limit without a usable reset time keeps the source quiet. */
    static final java.time.Duration DEFAULT_RATE_LIMIT = java.time.Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(SourcePause.class.getName());

    private final Clock clock;
    private Undecided pause; // guarded by this; its retryAt is always present

    SourcePause(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The pause's verdict while one lasts. */
    synchronized Optional<Undecided> current() {
        if (pause != null && clock.instant().isBefore(pause.retryAt().orElseThrow())) {
            return Optional.of(pause);
        }
        pause = null;
        return Optional.empty();
    }

    /** X's API rate limited us until {@code reset} (epoch seconds), or for a minute when it named no future time. */
    Undecided rateLimited(int status, Optional<Instant> reset) {
        Instant now = clock.instant();
        Instant until = reset.filter(now::isBefore).orElse(now.plus(DEFAULT_RATE_LIMIT));
        return pause(
                Undecided.rateLimited(
                        "HTTP " + status + " (rate limited) from X's API; x_api asks again at " + until, until),
                Level.WARNING);
    }

    /** X's API refused the token: our configuration, for the operator to fix. */
    Undecided refused(int status) {
        Instant until = clock.instant().plus(AFTER_REFUSAL);
        String detail = "HTTP " + status + " from X's API: it refused this service's bearer token (bad, revoked or"
                + " without access to user lookup); x_api asks again at " + until;
        return pause(new Undecided(Cause.CREDENTIALS_REFUSED, detail, Optional.of(until)), Level.ERROR);
    }

    private synchronized Undecided pause(Undecided next, Level level) {
        // Answers to requests already in flight when the pause began extend it, without a line of their own.
        boolean ongoing = pause != null
                && pause.cause() == next.cause()
                && clock.instant().isBefore(pause.retryAt().orElseThrow());
        if (!ongoing || next.retryAt().orElseThrow().isAfter(pause.retryAt().orElseThrow())) {
            pause = next;
        }
        if (!ongoing) {
            LOG.log(level, "x_api paused: " + next.detail());
        }
        return pause;
    }
}
