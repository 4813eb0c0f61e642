package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountNotFound;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountSuspended;
import com.profilepictures.domain.scrape.ScrapeVerdict.Blocked;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.ScrapeVerdict.UpstreamMismatch;
import com.profilepictures.fixturesite.FixtureSite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every verdict, read by real headless Chromium from the fixture site; one scraper serves all tests. */
class SeleniumProfilePictureScraperTest {

    @TempDir
    static Path root;

    private static FixtureSite site;
    private static SeleniumProfilePictureScraper scraper;

    @BeforeAll
    static void startSiteAndBrowsers() {
        site = FixtureSite.start();
        scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 3, root));
        scraper.warmUp();
    }

    @AfterAll
    static void stop() {
        scraper.close();
        site.close();
    }

    @Test
    void givenNormalProfile_scrape_returnsTheOwnersDelayedAvatarNotTheNeighboursEarlierOnes() {
        long start = System.nanoTime();

        ScrapeVerdict outcome = scraper.scrape(Handle.of("jack"), TestBrowsers.deadline());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Found found = assertInstanceOf(Found.class, outcome);
        assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
        assertEquals("Jack", found.canonicalHandle().display());
        assertTrue(took.compareTo(site.avatarDelay()) >= 0, "answered before the avatar existed: " + took);
    }

    @Test
    void givenHandleInAnotherCase_scrape_returnsThePagesSpelling() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of("mIXED_case_42"), TestBrowsers.deadline());

        Found found = assertInstanceOf(Found.class, outcome);
        assertEquals("Mixed_case_42", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("mixed_case_42"), found.picture().value());
    }

    @Test
    void givenDefaultAvatar_scrape_returnsTheDefaultPicture() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.DEFAULT_AVATAR), TestBrowsers.deadline());

        Found found = assertInstanceOf(Found.class, outcome);
        assertTrue(found.picture().isDefaultPicture(), found.picture().value());
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.DEFAULT_AVATAR),
                found.picture().value());
        assertEquals("Nopic", found.canonicalHandle().display());
    }

    @Test
    void givenProtectedAccount_scrape_returnsItsAvatar() {
        scrapeExpectingItsPicture(FixtureSite.PROTECTED);
    }

    @Test
    void givenProfileWithoutAvatarButOgImage_scrape_fallsBackToOgImage() {
        Found found = scrapeExpectingItsPicture(FixtureSite.OG_IMAGE_ONLY);
        assertEquals("Ogonly", found.canonicalHandle().display());
    }

    @Test
    void givenOwnersAvatarAppearingLateBesideAnOlderOgImage_scrape_waitsForTheAvatar() {
        long start = System.nanoTime();

        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.LATE_AVATAR), TestBrowsers.deadline());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Found found = assertInstanceOf(Found.class, outcome);
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.LATE_AVATAR),
                found.picture().value());
        assertNotEquals(
                FixtureSite.stalePictureUrlOf(FixtureSite.LATE_AVATAR),
                found.picture().value());
        assertEquals("Latepic", found.canonicalHandle().display());
        assertTrue(took.compareTo(FixtureSite.LATE_AVATAR_DELAY) >= 0, "answered before the avatar existed: " + took);
    }

    @Test
    void givenPageShowingAnotherAccountWithItsOgImage_scrape_returnsUpstreamMismatchInsteadOfTheirPicture() {
        long start = System.nanoTime();

        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.SHOWS_ANOTHER_ACCOUNT), TestBrowsers.deadline());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        UpstreamMismatch mismatch = assertInstanceOf(UpstreamMismatch.class, outcome);
        assertTrue(mismatch.detail().contains("@" + FixtureSite.ANOTHER_ACCOUNT), mismatch.detail());
        assertTrue(
                took.compareTo(TestBrowsers.GENEROUS_TIMEOUT.dividedBy(2)) < 0,
                "decided only near the deadline: " + took);
    }

    @Test
    void givenHeadNamingAnotherAccountAndAnAppThatNeverRenders_scrape_returnsUpstreamMismatch() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.ANOTHER_ACCOUNTS_HEAD), TestBrowsers.deadline());

        UpstreamMismatch mismatch = assertInstanceOf(UpstreamMismatch.class, outcome);
        assertTrue(mismatch.detail().contains("@" + FixtureSite.ANOTHER_ACCOUNT), mismatch.detail());
    }

    @Test
    void givenJsonLdProfileInTheHeadAndAnAppThatNeverRenders_scrape_returnsTheHeadsPicture() {
        Found found = scrapeExpectingItsPicture(FixtureSite.JSON_LD_ONLY);
        assertEquals("Ldonly", found.canonicalHandle().display());
    }

    @Test
    void givenOpenGraphTagsNamingTheAccountAndAnAppThatNeverRenders_scrape_returnsTheOgImage() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of("OGURL"), TestBrowsers.deadline());

        Found found = assertInstanceOf(Found.class, outcome);
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.OPEN_GRAPH_ONLY),
                found.picture().value());
        assertEquals("Ogurl", found.canonicalHandle().display(), "spelt as og:url spells it");
    }

    @Test
    void givenHeadWithAnOlderPictureAndTheOwnersAvatarAppearingLate_scrape_returnsTheAvatar() {
        Found found = scrapeExpectingItsPicture(FixtureSite.STALE_HEAD);
        assertNotEquals(
                FixtureSite.stalePictureUrlOf(FixtureSite.STALE_HEAD),
                found.picture().value());
    }

    @Test
    void givenHeadNamingAnotherAccountWhileTheAppShowsTheOwner_scrape_waitsForTheOwnersAvatarPastTheGrace() {
        // Neither the other account's picture (the head is not about this account) nor a mismatch (the app is).
        scrapeExpectingItsPicture(FixtureSite.HEAD_OF_ANOTHER);
    }

    @Test
    void givenSiteWideOgImageForTheAccount_scrape_neverTakesIt_andWaitsForTheAvatarPastTheGrace() {
        scrapeExpectingItsPicture(FixtureSite.SITE_WIDE_OG_IMAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureSite.SCRIPT_AVATAR, FixtureSite.DATA_AVATAR})
    void givenOwnersAvatarWhoseSrcIsNotAnHttpUrl_scrape_returnsInvalidPictureUrlAtOnce(String handle) {
        long start = System.nanoTime();

        ScrapeVerdict outcome = scraper.scrape(Handle.of(handle), TestBrowsers.deadline());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, outcome);
        String scheme = FixtureSite.pictureUrlOf(handle)
                .substring(0, FixtureSite.pictureUrlOf(handle).indexOf(':') + 1);
        assertTrue(invalid.detail().contains(scheme), invalid.detail());
        assertTrue(
                took.compareTo(TestBrowsers.GENEROUS_TIMEOUT.dividedBy(2)) < 0,
                "decided only near the deadline: " + took);
    }

    @Test
    void givenNonexistentAccount_scrape_returnsAccountNotFound() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.NONEXISTENT), TestBrowsers.deadline());

        assertInstanceOf(AccountNotFound.class, outcome);
    }

    @Test
    void givenSuspendedAccount_scrape_returnsSuspended() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.SUSPENDED), TestBrowsers.deadline());

        assertInstanceOf(AccountSuspended.class, outcome);
    }

    @Test
    void givenRedirectToLoginWall_scrape_returnsBlocked() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.LOGIN_WALL), TestBrowsers.deadline());

        Blocked blocked = assertInstanceOf(Blocked.class, outcome);
        assertTrue(blocked.detail().contains("login"), blocked.detail());
    }

    @Test
    void givenRateLimitPageWithHttp429_scrape_returnsBlocked() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.RATE_LIMITED), TestBrowsers.deadline());

        Blocked blocked = assertInstanceOf(Blocked.class, outcome);
        assertTrue(blocked.detail().contains("429"), blocked.detail());
    }

    @Test
    void givenSomethingWentWrongPage_scrape_returnsBlocked() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.ERROR_PAGE), TestBrowsers.deadline());

        Blocked blocked = assertInstanceOf(Blocked.class, outcome);
        assertTrue(blocked.detail().contains("Something went wrong"), blocked.detail());
    }

    @Test
    void givenPictureOnForeignHost_scrape_returnsInvalidPictureUrl() {
        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.FOREIGN_PICTURE), TestBrowsers.deadline());

        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, outcome);
        assertTrue(invalid.detail().contains("images.example.net"), invalid.detail());
    }

    @Test
    void givenPageThatNeverRenders_scrape_timesOutWithinTheDeadline() {
        long start = System.nanoTime();

        ScrapeVerdict outcome = scraper.scrape(Handle.of(FixtureSite.NEVER_RENDERS), TestBrowsers.shortDeadline());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(TimedOut.class, outcome);
        assertTrue(took.compareTo(TestBrowsers.SHORT_TIMEOUT.minusMillis(500)) >= 0, "gave up early: " + took);
        assertTrue(
                took.compareTo(TestBrowsers.SHORT_TIMEOUT.plus(TestBrowsers.OVERRUN_ALLOWED)) <= 0, "overran: " + took);
    }

    /** Scrapes {@code handle} (a fixture-site handle) and checks that the verdict is the site's picture of it. */
    private static Found scrapeExpectingItsPicture(String handle) {
        Found found = assertInstanceOf(Found.class, scraper.scrape(Handle.of(handle), TestBrowsers.deadline()));
        assertEquals(FixtureSite.pictureUrlOf(handle), found.picture().value());
        return found;
    }
}
