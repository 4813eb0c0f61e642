package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.fixturesite.FixtureSite;
import java.time.Duration;
import java.util.function.Function;

/** A call given a deadline, timed: it must end at the deadline, neither well before nor well after it. */
public final class AtDeadline {

    private AtDeadline() {}

    /**
     * The answer of {@code call}, given a deadline {@code timeout} from now; fails when it came more than {@code early}
     * before the deadline or more than {@code overrun} after it.
     */
    public static <T> T answer(Duration timeout, Duration early, Duration overrun, Function<Deadline, T> call) {
        long start = System.nanoTime();

        T answer = call.apply(Deadline.after(timeout));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(timeout.minus(early)) >= 0, "gave up before its deadline: " + took);
        assertTrue(took.compareTo(timeout.plus(overrun)) <= 0, "overran its deadline: " + took);
        return answer;
    }

    /**
     * {@code scraper}'s verdict on the stand-in X's page that stalls ({@link FixtureSite#SLOW_FOR_CRAWLERS}), asked
     * with a deadline 1.5 s away: at that deadline, no more than {@code early} before it or {@code overrun} after.
     */
    public static ScrapeVerdict onTheStallingPage(ProfilePictureScraper scraper, Duration early, Duration overrun) {
        return answer(
                Duration.ofMillis(1500),
                early,
                overrun,
                deadline -> scraper.scrape(Handle.of(FixtureSite.SLOW_FOR_CRAWLERS), deadline));
    }
}
