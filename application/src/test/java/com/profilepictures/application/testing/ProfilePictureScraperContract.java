package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link com.profilepictures.domain.port.ProfilePictureScraper} must do, whichever way it reads X: run
 * against the stand-in X site by each scraper's test, so that the ways of reading agree where they overlap.
 * How each reads the special cases is each one's own test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProfilePictureScraperContract {

    /** Enough for any scrape of a fixture page on a busy machine. */
    protected static final Duration AMPLE = Duration.ofSeconds(10);

    private final Map<URI, ProfilePictureScraper> scrapers = new HashMap<>();
    private FixtureSite site;

    /** A scraper reading {@code baseUrl} as X; asked once per base URL, closed (if closeable) after the tests. */
    protected abstract ProfilePictureScraper scraperFor(URI baseUrl);

    /** The most a verdict may come after its deadline: scheduling, and whatever the scraper documents. */
    protected abstract Duration allowedOverrun();

    @BeforeAll
    void startSite() {
        site = FixtureSite.start();
    }

    @AfterAll
    void stop() throws Exception {
        for (ProfilePictureScraper scraper : scrapers.values()) {
            if (scraper instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        site.close();
    }

    private ProfilePictureScraper scraperOf(URI baseUrl) {
        return scrapers.computeIfAbsent(baseUrl, this::scraperFor);
    }

    @Test
    void givenHandleInAnotherCapitalisation_scrape_findsThePictureSpeltAsThePageSpellsIt() {
        ScrapeVerdict verdict = scraperOf(site.baseUrl()).scrape(Handle.of("JACK"), Deadline.after(AMPLE));

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("Jack", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
    }

    @Test
    void givenHandleStartingWithUnderscore_scrape_findsIt() {
        ScrapeVerdict verdict = scraperOf(site.baseUrl()).scrape(Handle.of("_Under_Score"), Deadline.after(AMPLE));

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals(
                FixtureSite.canonicalSpellingOf("_under_score"),
                found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("_under_score"), found.picture().value());
    }

    @Test
    void givenAnotherAccountsPage_scrape_neverAnswersWithItsPicture() {
        ScrapeVerdict verdict = scraperOf(site.baseUrl())
                .scrape(Handle.of(FixtureSite.SHOWS_ANOTHER_ACCOUNT), Deadline.after(Duration.ofSeconds(3)));

        assertFalse(verdict instanceof Found, "took another account's page for the one asked: " + verdict);
    }

    @Test
    void givenAccountThatDoesNotExist_scrape_findsNoPicture() {
        ScrapeVerdict verdict =
                scraperOf(site.baseUrl()).scrape(Handle.of(FixtureSite.NONEXISTENT), Deadline.after(AMPLE));

        assertFalse(verdict instanceof Found, verdict.toString());
    }

    @Test
    void givenServerThatNeverAnswers_scrape_timesOutAtItsDeadline() {
        Duration timeout = Duration.ofSeconds(2);
        try (SilentServer silent = SilentServer.start()) {
            ProfilePictureScraper scraper = scraperOf(silent.baseUrl());

            ScrapeVerdict verdict = AtDeadline.answer(
                    timeout,
                    Duration.ofMillis(300),
                    allowedOverrun(),
                    deadline -> scraper.scrape(Handle.of("jack"), deadline));

            boolean timedOut = verdict instanceof TimedOut
                    || verdict instanceof Undecided undecided && undecided.cause() == Undecided.Cause.TIMED_OUT;
            assertTrue(timedOut, "not a timeout: " + verdict);
        }
    }

    @Test
    void givenSeveralAccountsSomeInTwoSpellings_scrapeAll_answersEachAccountOnceInTheOrderAsked() {
        List<Handle> asked =
                List.of(Handle.of("KEVIN"), Handle.of("laura"), Handle.of("Kevin"), Handle.of(FixtureSite.NONEXISTENT));

        Map<Handle, ScrapeVerdict> verdicts = scraperOf(site.baseUrl()).scrapeAll(asked, Deadline.after(AMPLE));

        assertEquals(
                List.of("KEVIN", "laura", FixtureSite.NONEXISTENT),
                verdicts.keySet().stream().map(Handle::display).toList());
        Found kevin = assertInstanceOf(Found.class, verdicts.get(Handle.of("kevin")));
        assertEquals("Kevin", kevin.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("kevin"), kevin.picture().value());
        assertEquals(
                FixtureSite.pictureUrlOf("laura"),
                assertInstanceOf(Found.class, verdicts.get(Handle.of("laura")))
                        .picture()
                        .value());
        assertFalse(verdicts.get(Handle.of(FixtureSite.NONEXISTENT)) instanceof Found);
    }

    @Test
    void givenEightConcurrentScrapes_eachGetsItsOwnPicture() throws Exception {
        List<String> handles = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
        ProfilePictureScraper scraper = scraperOf(site.baseUrl());
        ExecutorService callers = Executors.newFixedThreadPool(handles.size());
        try {
            List<Future<ScrapeVerdict>> verdicts = new ArrayList<>();
            for (String handle : handles) {
                verdicts.add(callers.submit(() -> scraper.scrape(Handle.of(handle), Deadline.after(AMPLE))));
            }

            for (int i = 0; i < handles.size(); i++) {
                Found found = assertInstanceOf(Found.class, verdicts.get(i).get());
                assertEquals(
                        FixtureSite.canonicalSpellingOf(handles.get(i)),
                        found.canonicalHandle().display());
                assertEquals(
                        FixtureSite.pictureUrlOf(handles.get(i)),
                        found.picture().value());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
