package com.profilepictures.adapters.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.AtDeadline;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every case of the server-rendered page, read over real HTTP on loopback from the stand-in X site. */
class CrawlerProfilePictureScraperTest {

    private static final Duration AMPLE = Duration.ofSeconds(10);
    // Scheduling on a busy two-core machine.
    private static final Duration SLACK = Duration.ofSeconds(2);

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
        assertTrue(
                !undecided.detail().isBlank() && !undecided.detail().contains("\n"), "one line: " + undecided.detail());
        return undecided;
    }

    /** Undecided for {@code cause}, with a detail that says {@code what}. */
    private static Undecided assertUndecided(Cause cause, String what, ScrapeVerdict verdict) {
        Undecided undecided = assertUndecided(cause, verdict);
        assertTrue(undecided.detail().contains(what), "'" + what + "' not in: " + undecided.detail());
        return undecided;
    }

    /** Settled as an invalid picture at once, with a detail that says {@code what}. */
    private static void assertInvalidPicture(String what, ScrapeVerdict verdict) {
        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, verdict);
        assertTrue(invalid.detail().contains(what), "'" + what + "' not in: " + invalid.detail());
    }

    @Test
    void givenProfilePageBlock_scrape_returnsItsContentUrlNotTheSmallerOgImage() {
        ScrapeVerdict verdict = scrape("jack");

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("Jack", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
    }

    @Test
    void givenProtectedAccount_scrape_returnsItsPicture() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.PROTECTED));

        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.PROTECTED), found.picture().value());
    }

    @Test
    void givenAccountWithoutUpload_scrape_returnsXsDefaultPicture() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.DEFAULT_AVATAR));

        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.DEFAULT_AVATAR),
                found.picture().value());
        assertTrue(found.picture().isDefaultPicture());
    }

    @Test
    void givenOpenGraphTagsOnly_scrape_returnsOgImage() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.OG_IMAGE_ONLY));

        assertEquals("Ogonly", found.canonicalHandle().display());
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.OG_IMAGE_ONLY),
                found.picture().value());
    }

    @Test
    void givenOnlyTheSiteWideImage_scrape_isUndecidedNeverAPicture() {
        assertUndecided(Cause.NO_PROFILE, FixtureSite.SITE_WIDE_IMAGE, scrape(FixtureSite.SITE_IMAGE_ONLY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                FixtureSite.NONEXISTENT,
                FixtureSite.SUSPENDED,
                FixtureSite.LOGIN_WALL,
                FixtureSite.NEVER_RENDERS,
                FixtureSite.LATE_AVATAR,
                FixtureSite.APP_ONLY
            })
    void givenPageWithoutProfile_scrape_isUndecidedSoThatTheBrowserDecides(String handle) {
        assertUndecided(Cause.NO_PROFILE, "no ProfilePage block", scrape(handle));
    }

    @Test
    void givenAnotherAccountsProfile_scrape_isUndecidedNamingThatAccount() {
        assertUndecided(
                Cause.OTHER_ACCOUNT, "@" + FixtureSite.ANOTHER_ACCOUNT, scrape(FixtureSite.SHOWS_ANOTHER_ACCOUNT));
    }

    @Test
    void givenRateLimit_scrape_isRateLimitedForAMinuteWhenTheAnswerSaysNoTime() {
        Instant before = Instant.now();
        Undecided limited = assertUndecided(Cause.RATE_LIMITED, "HTTP 429", scrape(FixtureSite.RATE_LIMITED));
        Instant retryAt = limited.retryAt().orElseThrow();
        assertFalse(retryAt.isBefore(before.plus(PageFetcher.DEFAULT_RATE_LIMIT)), retryAt::toString);
        assertTrue(
                retryAt.isBefore(
                        Instant.now().plus(PageFetcher.DEFAULT_RATE_LIMIT).plusSeconds(1)),
                retryAt::toString);
    }

    @Test
    void retryAfter_readsSecondsAndHttpDates_andIgnoresThePastAndNonsense() {
        Instant before = Instant.now();
        Instant inSeconds = PageFetcher.retryAfter(headers("120"));
        assertTrue(!inSeconds.isBefore(before.plusSeconds(120))
                && inSeconds.isBefore(Instant.now().plusSeconds(121)));
        Instant date = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(
                date,
                PageFetcher.retryAfter(headers(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        date.atZone(java.time.ZoneOffset.UTC)))));
        for (String useless : List.of("Wed, 21 Oct 2015 07:28:00 GMT", "soon", "-5", "")) {
            Instant fallback = PageFetcher.retryAfter(headers(useless));
            assertFalse(fallback.isBefore(before.plus(PageFetcher.DEFAULT_RATE_LIMIT)), useless);
        }
    }

    private static java.net.http.HttpHeaders headers(String retryAfter) {
        return java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (name, value) -> true);
    }

    @Test
    void givenServerError_scrape_isUndecidedNamingTheStatus() {
        assertUndecided(Cause.NO_PROFILE, "HTTP 500", scrape(FixtureSite.ERROR_PAGE));
    }

    @Test
    void givenPageThatStallsPastTheDeadline_scrape_timesOutAtTheDeadline() {
        ScrapeVerdict verdict = AtDeadline.onTheStallingPage(crawler, Duration.ofMillis(200), SLACK);

        assertUndecided(Cause.TIMED_OUT, verdict);
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

        ScrapeVerdict verdict = scrape(FixtureSite.OVERSIZED_PAGE);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertUndecided(Cause.NO_PROFILE, "larger than 2 MiB", verdict);
        // The page goes on for 64 MiB; reading it all, or waiting for its end, would take the whole deadline.
        assertTrue(took.compareTo(AMPLE.dividedBy(2)) < 0, "did not stop at the cap: " + took);
    }

    @Test
    void givenPictureOnAForeignHost_scrape_returnsInvalidPictureUrlAtOnce() {
        assertInvalidPicture("images.example.net", scrape(FixtureSite.FOREIGN_PICTURE));
    }

    @Test
    void givenPictureThatIsNotAnHttpUrl_scrape_returnsInvalidPictureUrl() {
        assertInvalidPicture("not an http(s) URL", scrape(FixtureSite.DATA_URL_PICTURE));
    }

    @Test
    void givenRedirectWithinTheSite_scrape_followsIt() {
        Found found = assertInstanceOf(Found.class, scrape(FixtureSite.REDIRECTED));

        assertEquals("Moved", found.canonicalHandle().display());
    }

    @Test
    void givenEndlessRedirects_scrape_stopsAfterAFewAndIsUndecided() {
        assertUndecided(
                Cause.NO_PROFILE,
                "more than " + CrawlerSettings.DEFAULT_MAX_REDIRECTS + " redirects",
                scrape(FixtureSite.REDIRECT_LOOP));
    }

    @Test
    void givenRedirectToAnotherHost_scrape_doesNotFollowIt() {
        assertUndecided(Cause.NO_PROFILE, "redirects off X, to http://localhost:", scrape(FixtureSite.REDIRECTED_AWAY));
    }

    @Test
    void givenBrowsersUserAgent_scrape_getsTheAppNotTheServerPage() {
        // The site, like X, answers by User-Agent: this shows the configured one is the one sent.
        String chrome =
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
        var asBrowser = new CrawlerProfilePictureScraper(CrawlerSettings.of(site.baseUrl(), chrome));

        ScrapeVerdict verdict = asBrowser.scrape(Handle.of("jack"), Deadline.after(AMPLE));

        assertUndecided(Cause.NO_PROFILE, verdict);
    }

    @Test
    void givenNothingListening_scrape_isUndecidedUnreachable() {
        var refused = crawlerOf(SilentServer.refusingUrl());

        ScrapeVerdict verdict = refused.scrape(Handle.of("jack"), Deadline.after(AMPLE));

        assertUndecided(Cause.UNREACHABLE, "ConnectException", verdict);
    }

    @Test
    void givenHostThatDoesNotResolve_scrape_isUndecidedUnreachable() {
        // .invalid is reserved never to resolve (RFC 2606).
        var nowhere = crawlerOf(URI.create("http://profile-pictures-test.invalid"));

        assertUndecided(Cause.UNREACHABLE, nowhere.scrape(Handle.of("jack"), Deadline.after(AMPLE)));
    }
}
