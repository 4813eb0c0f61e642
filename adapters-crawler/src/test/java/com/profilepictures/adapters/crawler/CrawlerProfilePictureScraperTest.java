package com.profilepictures.adapters.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.Deadline;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ScrapeVerdict;
import com.profilepictures.domain.ScrapeVerdict.Found;
import com.profilepictures.domain.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.ScrapeVerdict.Undecided;
import com.profilepictures.domain.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case of the server-rendered page, read over real HTTP on loopback from the stand-in X site. */
class CrawlerProfilePictureScraperTest {

    private static final Duration AMPLE = Duration.ofSeconds(10);
    // Scheduling on a busy two-core machine.
    private static final Duration SLACK = Duration.ofMillis(700);

    private static FixtureSite site;
    private static CrawlerProfilePictureScraper crawler;

    @BeforeAll
    static void startSite() {
        site = FixtureSite.start();
        crawler = crawlerOf(site.baseUrl());
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static CrawlerProfilePictureScraper crawlerOf(URI baseUrl) {
        return new CrawlerProfilePictureScraper(CrawlerSettings.of(baseUrl, CrawlerUserAgent.ofThisService()));
    }

    private static ScrapeVerdict scrape(String handle) {
        return crawler.scrape(Handle.of(handle), Deadline.after(AMPLE));
    }

    private static Undecided assertUndecided(Cause cause, ScrapeVerdict verdict) {
        Undecided undecided = assertInstanceOf(Undecided.class, verdict);
        assertEquals(cause, undecided.cause(), undecided.detail());
        assertTrue(!undecided.detail().isBlank() && !undecided.detail().contains("\n"), "one line: " + undecided.detail());
        return undecided;
    }

    @Test
    void givenProfilePageBlock_scrape_returnsItsContentUrlNotTheSmallerOgImage() {
        ScrapeVerdict verdict = scrape("jack");

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("Jack", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
    }

    @Test
    void givenHandleStartingWithUnderscore_scrape_readsTheIntentPageWhichCarriesTheProfile() {
        // The site's /{handle} page leaves the profile out for these handles, as X's did.
        ScrapeVerdict verdict = scrape("_jack");

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("_jack", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("_jack"), found.picture().value());
    }

    @Test
    void givenProtectedAccount_scrape_returnsItsPicture() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.PROTECTED));

        assertEquals(FixtureSite.pictureUrlOf(FixtureSite.PROTECTED), found.picture().value());
    }

    @Test
    void givenAccountWithoutUpload_scrape_returnsXsDefaultPicture() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.DEFAULT_AVATAR));

        assertEquals(FixtureSite.pictureUrlOf(FixtureSite.DEFAULT_AVATAR), found.picture().value());
        assertTrue(found.picture().isDefaultPicture());
    }

    @Test
    void givenOpenGraphTagsOnly_scrape_returnsOgImage() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.OG_IMAGE_ONLY));

        assertEquals("Ogonly", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf(FixtureSite.OG_IMAGE_ONLY), found.picture().value());
    }

    @Test
    void givenOnlyTheSiteWideImage_scrape_isUndecidedNeverAPicture() {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.SITE_IMAGE_ONLY));

        assertTrue(undecided.detail().contains(FixtureSite.SITE_WIDE_IMAGE), undecided.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureSite.NONEXISTENT, FixtureSite.SUSPENDED, FixtureSite.LOGIN_WALL,
            FixtureSite.NEVER_RENDERS, FixtureSite.LATE_AVATAR, FixtureSite.APP_ONLY})
    void givenPageWithoutProfile_scrape_isUndecidedSoThatTheBrowserDecides(String handle) {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(handle));

        assertTrue(undecided.detail().contains("no ProfilePage block"), undecided.detail());
    }

    @Test
    void givenAnotherAccountsProfile_scrape_isUndecidedNamingThatAccount() {
        Undecided undecided = assertUndecided(Cause.OTHER_ACCOUNT, scrape(FixtureSite.SHOWS_ANOTHER_ACCOUNT));

        assertTrue(undecided.detail().contains("@" + FixtureSite.ANOTHER_ACCOUNT), undecided.detail());
    }

    @Test
    void givenRateLimit_scrape_isUndecidedNamingTheStatus() {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.RATE_LIMITED));

        assertTrue(undecided.detail().contains("HTTP 429"), undecided.detail());
    }

    @Test
    void givenServerError_scrape_isUndecidedNamingTheStatus() {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.ERROR_PAGE));

        assertTrue(undecided.detail().contains("HTTP 500"), undecided.detail());
    }

    @Test
    void givenPageThatStallsPastTheDeadline_scrape_timesOutAtTheDeadline() {
        Duration timeout = Duration.ofMillis(1500);
        long start = System.nanoTime();

        ScrapeVerdict verdict = crawler.scrape(Handle.of(FixtureSite.SLOW_FOR_CRAWLERS), Deadline.after(timeout));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertUndecided(Cause.TIMED_OUT, verdict);
        assertTrue(took.compareTo(timeout.minusMillis(200)) >= 0, "gave up early: " + took);
        assertTrue(took.compareTo(timeout.plus(SLACK)) <= 0, "overran: " + took);
    }

    @Test
    void givenDeadlineAlreadyPassed_scrape_timesOutWithoutAsking() {
        ScrapeVerdict verdict = crawler.scrape(Handle.of("jack"), Deadline.after(Duration.ZERO));

        assertUndecided(Cause.TIMED_OUT, verdict);
    }

    @Test
    void givenPageWithoutHead_scrape_doesNotTakeABodysProfileBlockForXsWord() {
        assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.NO_HEAD));
    }

    @Test
    void givenPageLargerThanTheCap_scrape_stopsReadingAndIsUndecided() {
        long start = System.nanoTime();

        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.OVERSIZED_PAGE));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(undecided.detail().contains("larger than 2 MiB"), undecided.detail());
        // The page goes on for 64 MiB; reading it all, or waiting for its end, would take the whole deadline.
        assertTrue(took.compareTo(AMPLE.dividedBy(2)) < 0, "did not stop at the cap: " + took);
    }

    @Test
    void givenPictureOnAForeignHost_scrape_returnsInvalidPictureUrlAtOnce() {
        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, scrape(FixtureSite.FOREIGN_PICTURE));

        assertTrue(invalid.detail().contains("images.example.net"), invalid.detail());
    }

    @Test
    void givenPictureThatIsNotAnHttpUrl_scrape_returnsInvalidPictureUrl() {
        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, scrape(FixtureSite.DATA_URL_PICTURE));

        assertTrue(invalid.detail().contains("not an http(s) URL"), invalid.detail());
    }

    @Test
    void givenRedirectWithinTheSite_scrape_followsIt() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.REDIRECTED));

        assertEquals("Moved", found.canonicalHandle().display());
    }

    @Test
    void givenEndlessRedirects_scrape_stopsAfterAFewAndIsUndecided() {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.REDIRECT_LOOP));

        assertTrue(undecided.detail().contains("more than " + CrawlerSettings.DEFAULT_MAX_REDIRECTS + " redirects"),
                undecided.detail());
    }

    @Test
    void givenRedirectToAnotherHost_scrape_doesNotFollowIt() {
        Undecided undecided = assertUndecided(Cause.NO_PROFILE, scrape(FixtureSite.REDIRECTED_AWAY));

        assertTrue(undecided.detail().contains("redirects off X, to http://localhost:"), undecided.detail());
    }

    @Test
    void givenBrowsersUserAgent_scrape_getsTheAppNotTheServerPage() {
        // The site, like X, answers by User-Agent: this shows the configured one is the one sent.
        String chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
        var asBrowser = new CrawlerProfilePictureScraper(CrawlerSettings.of(site.baseUrl(), chrome));

        ScrapeVerdict verdict = asBrowser.scrape(Handle.of("jack"), Deadline.after(AMPLE));

        assertUndecided(Cause.NO_PROFILE, verdict);
    }

    @Test
    void givenNothingListening_scrape_isUndecidedUnreachable() {
        var refused = crawlerOf(SilentServer.refusingUrl());

        Undecided undecided = assertUndecided(Cause.UNREACHABLE, refused.scrape(Handle.of("jack"), Deadline.after(AMPLE)));

        assertTrue(undecided.detail().contains("ConnectException"), undecided.detail());
    }

    @Test
    void givenHostThatDoesNotResolve_scrape_isUndecidedUnreachable() {
        // .invalid is reserved never to resolve (RFC 2606).
        var nowhere = crawlerOf(URI.create("http://profile-pictures-test.invalid"));

        assertUndecided(Cause.UNREACHABLE, nowhere.scrape(Handle.of("jack"), Deadline.after(AMPLE)));
    }

    @Test
    void givenEightConcurrentScrapes_eachGetsItsOwnPicture() throws Exception {
        List<String> handles = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
        ExecutorService callers = Executors.newFixedThreadPool(handles.size());
        List<Future<ScrapeVerdict>> verdicts = new ArrayList<>();
        try {
            for (String handle : handles) {
                verdicts.add(callers.submit(() -> scrape(handle)));
            }

            for (int i = 0; i < handles.size(); i++) {
                Found found = assertInstanceOf(Found.class, verdicts.get(i).get());
                assertEquals(FixtureSite.canonicalSpellingOf(handles.get(i)), found.canonicalHandle().display());
                assertEquals(FixtureSite.pictureUrlOf(handles.get(i)), found.picture().value());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
