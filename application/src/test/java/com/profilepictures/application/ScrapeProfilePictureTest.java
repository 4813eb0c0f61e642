package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScrapeProfilePictureTest {

    private static final String OLD = "https://pbs.twimg.com/profile_images/1/old_400x400.jpg";
    private static final String NEW = "https://pbs.twimg.com/profile_images/2/new_normal.jpg";
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CRAWLER_BUDGET = Duration.ofSeconds(3);
    private static final Undecided NO_PROFILE = new Undecided(Cause.NO_PROFILE, "no ProfilePage block");

    private final FakeProfilePictureScraper crawler = new FakeProfilePictureScraper().otherwise(NO_PROFILE);
    private final FakeProfilePictureScraper browser = new FakeProfilePictureScraper();
    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ScrapeProfilePicture useCase = scrapingThrough(
            ScrapeStep.within(ScrapeSource.CRAWLER, crawler, CRAWLER_BUDGET),
            ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser));

    /** The use case over these steps, within the scrape's timeout, storing in the test's repository. */
    /**
     * X's API ({@code api}) and the crawler asked in the order {@code firstTwo} names them, each within the crawler's
     * budget, then the browser with what is left.
     */
    private ScrapeProfilePicture threeSources(FakeProfilePictureScraper api, ScrapeSource... firstTwo) {
        List<ScrapeStep> steps = new ArrayList<>();
        for (ScrapeSource source : firstTwo) {
            steps.add(ScrapeStep.within(source, source == ScrapeSource.X_API ? api : crawler, CRAWLER_BUDGET));
        }
        steps.add(ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser));
        return scrapingThrough(steps.toArray(ScrapeStep[]::new));
    }

    /** Jack's picture OLD stored by a scrape; a minute later, the browser shows {@code picture} under {@code spelling}. */
    private void rescrapeAMinuteLater(String spelling, String picture) {
        browser.withPicture("jack", OLD);
        useCase.scrape(Handle.of("jack"));
        browser.withPicture(spelling, picture);
        clock.advance(Duration.ofMinutes(1));
    }

    private ScrapeProfilePicture scrapingThrough(ScrapeStep... steps) {
        return new ScrapeProfilePicture(List.of(steps), SCRAPE_TIMEOUT, repository, clock);
    }

    @Test
    void givenAProfileWithAPicture_scrape_storesItUnderTheCanonicalSpelling() {
        browser.withPicture("Jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("JACK"));

        var expected = new ProfilePicture(Handle.of("Jack"), PictureUrl.of(NEW), NOW);
        assertEquals(
                new ScrapeResult.Stored(
                        new SaveOutcome.Saved(expected),
                        ScrapeSource.BROWSER,
                        Map.of(ScrapeSource.CRAWLER, NO_PROFILE)),
                result);
        assertEquals(
                "Jack",
                repository.find(Handle.of("jack")).orElseThrow().handle().display());
    }

    @Test
    void givenTheCrawlerCanTell_scrape_storesItsPictureAndNeverAsksTheBrowser() {
        crawler.withPicture("Jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var stored = assertInstanceOf(ScrapeResult.Stored.class, result);
        assertEquals(ScrapeSource.CRAWLER, stored.source());
        assertEquals(Map.of(), stored.undecided());
        assertEquals(NEW, stored.saved().current().url().value());
        assertEquals(List.of(), browser.requested());
    }

    @Test
    void givenTheCrawlerFails_scrape_endsThereWithoutTheBrowser() {
        var failure = new ScrapeVerdict.InvalidPictureUrl("javascript:alert(1)");
        crawler.withVerdict("jack", failure);
        browser.withPicture("jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertEquals(new ScrapeResult.Failed(failure, ScrapeSource.CRAWLER, Map.of()), result);
        assertEquals(List.of(), browser.requested());
        assertEquals(0, repository.size());
    }

    @Test
    void theCrawlerGetsItsBudgetAndTheBrowserWhatIsLeftOfTheScrapesDeadline() {
        browser.withPicture("jack", NEW);
        long before = System.nanoTime();

        useCase.scrape(Handle.of("jack"));

        long after = System.nanoTime();
        Deadline crawlerDeadline = crawler.deadlines().get(0);
        Deadline browserDeadline = browser.deadlines().get(0);
        assertEquals(CRAWLER_BUDGET, crawlerDeadline.length());
        assertEquals(SCRAPE_TIMEOUT, browserDeadline.length());
        assertTrue(crawlerDeadline.expiresAtNanos() - before >= CRAWLER_BUDGET.toNanos());
        assertTrue(crawlerDeadline.expiresAtNanos() - after <= CRAWLER_BUDGET.toNanos());
        assertTrue(browserDeadline.expiresAtNanos() - before >= SCRAPE_TIMEOUT.toNanos());
        assertTrue(browserDeadline.expiresAtNanos() - after <= SCRAPE_TIMEOUT.toNanos());
    }

    @Test
    void aBudgetLargerThanTheScrapeNeverReachesPastTheScrapesDeadline() {
        var generous =
                scrapingThrough(ScrapeStep.within(ScrapeSource.CRAWLER, crawler, SCRAPE_TIMEOUT.multipliedBy(2)));

        generous.scrape(Handle.of("jack"));

        assertEquals(SCRAPE_TIMEOUT, crawler.deadlines().get(0).length());
    }

    static Stream<Arguments> undecidedCauses() {
        return Stream.of(
                Arguments.of(Cause.TIMED_OUT, ScrapeVerdict.TimedOut.class),
                Arguments.of(Cause.UNREACHABLE, ScrapeVerdict.UpstreamUnreachable.class),
                Arguments.of(Cause.OTHER_ACCOUNT, ScrapeVerdict.UpstreamMismatch.class),
                Arguments.of(Cause.NO_PROFILE, ScrapeVerdict.Blocked.class),
                Arguments.of(Cause.RATE_LIMITED, ScrapeVerdict.Blocked.class),
                Arguments.of(Cause.CREDENTIALS_REFUSED, ScrapeVerdict.CredentialsRefused.class));
    }

    @ParameterizedTest
    @MethodSource("undecidedCauses")
    void givenTheCrawlerAlone_anUndecidedAnswerBecomesTheFailureItsCauseNames(
            Cause cause, Class<? extends ScrapeVerdict.Failure> expected) {
        var crawlerOnly = scrapingThrough(ScrapeStep.within(ScrapeSource.CRAWLER, crawler, CRAWLER_BUDGET));
        crawler.otherwise(undecided(cause, "the cause's detail"));

        ScrapeResult result = crawlerOnly.scrape(Handle.of("jack"));

        var failed = assertInstanceOf(ScrapeResult.Failed.class, result);
        assertInstanceOf(expected, failed.failure());
        assertEquals("the cause's detail", failed.failure().detail());
        assertEquals(ScrapeSource.CRAWLER, failed.source());
        assertEquals(0, repository.size());
    }

    @ParameterizedTest
    @EnumSource(Cause.class)
    void givenTheCrawlerUndecided_theBrowserDecidesAndTheCauseIsKept(Cause cause) {
        var undecided = undecided(cause, "detail");
        crawler.otherwise(undecided);
        browser.withPicture("jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertEquals(ScrapeSource.BROWSER, result.source());
        assertEquals(Map.of(ScrapeSource.CRAWLER, undecided), result.undecided());
        assertInstanceOf(ScrapeResult.Stored.class, result);
    }

    /** Undecided for {@code cause}, saying when to retry (which a rate limit must). */
    private static Undecided undecided(Cause cause, String detail) {
        return new Undecided(cause, detail, Optional.of(NOW.plusSeconds(60)));
    }

    @Test
    void givenXsApiRateLimited_scrape_asksTheCrawlerNextAndKeepsWhenToRetry() {
        var api = new FakeProfilePictureScraper()
                .otherwise(Undecided.rateLimited("HTTP 429 from X's API", NOW.plusSeconds(900)));
        crawler.withPicture("Jack", NEW);
        var threeSources = threeSources(api, ScrapeSource.X_API, ScrapeSource.CRAWLER);

        ScrapeResult result = threeSources.scrape(Handle.of("jack"));

        assertInstanceOf(ScrapeResult.Stored.class, result);
        assertEquals(ScrapeSource.CRAWLER, result.source());
        Undecided apiUndecided = result.undecided().get(ScrapeSource.X_API);
        assertEquals(Cause.RATE_LIMITED, apiUndecided.cause());
        assertEquals(Optional.of(NOW.plusSeconds(900)), apiUndecided.retryAt());
        assertEquals(List.of(), browser.requested());
    }

    @Test
    void givenTheCrawlerBeforeXsApi_theUndecidedAreListedInTheOrderAsked() {
        var api = new FakeProfilePictureScraper().otherwise(NO_PROFILE);
        browser.withPicture("jack", NEW);
        var crawlerFirst = threeSources(api, ScrapeSource.CRAWLER, ScrapeSource.X_API);

        ScrapeResult result = crawlerFirst.scrape(Handle.of("jack"));

        assertEquals(
                List.of(ScrapeSource.CRAWLER, ScrapeSource.X_API),
                List.copyOf(result.undecided().keySet()));
    }

    @Test
    void givenXsApiAloneRefusingTheToken_scrape_failsAsOurConfigurationNeverAsX() {
        var api = new FakeProfilePictureScraper()
                .otherwise(new Undecided(Cause.CREDENTIALS_REFUSED, "HTTP 401 from X's API"));
        var apiOnly = scrapingThrough(ScrapeStep.within(ScrapeSource.X_API, api, CRAWLER_BUDGET));

        ScrapeResult result = apiOnly.scrape(Handle.of("jack"));

        var failed = assertInstanceOf(ScrapeResult.Failed.class, result);
        assertInstanceOf(ScrapeVerdict.CredentialsRefused.class, failed.failure());
        assertEquals(ScrapeSource.X_API, failed.source());
        assertEquals(0, repository.size());
    }

    @Test
    void rescrapingReplacesTheStoredPicture() {
        rescrapeAMinuteLater("jack", NEW);

        useCase.scrape(Handle.of("jack"));

        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(NEW, stored.url().value());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), stored.scrapedAt());
    }

    @Test
    void rescrapingTheStoredPictureAtAnotherSize_recordsACheckOnly_andKeepsWhenItWasFirstSeen() {
        rescrapeAMinuteLater("jack", OLD.replace("_400x400", "_normal"));

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var checked = assertInstanceOf(ScrapeResult.Checked.class, result);
        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(stored, checked.current());
        assertEquals(OLD, stored.url().value());
        assertEquals(NOW, stored.scrapedAt());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), stored.checkedAt());
        assertEquals(ScrapeSource.BROWSER, checked.source());
        assertEquals(Map.of(ScrapeSource.CRAWLER, NO_PROFILE), checked.undecided());
    }

    @Test
    void rescrapingTheStoredPictureOfAnAccountTheRefreshFoundGone_makesItActiveAgain_withItsFirstSeenTime() {
        browser.withPicture("jack", OLD);
        useCase.scrape(Handle.of("jack"));
        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.NOT_FOUND, NOW.plusSeconds(30));
        clock.advance(Duration.ofMinutes(1));

        var checked = assertInstanceOf(ScrapeResult.Checked.class, useCase.scrape(Handle.of("jack")));

        assertEquals(AccountStatus.ACTIVE, checked.current().accountStatus());
        assertEquals(NOW, checked.current().scrapedAt());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), checked.current().checkedAt());
        assertEquals(checked.current(), repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void rescrapingTheStoredPictureUnderTheHandlesNewSpelling_storesItAsNew() {
        rescrapeAMinuteLater("Jack", OLD);

        var stored = assertInstanceOf(ScrapeResult.Stored.class, useCase.scrape(Handle.of("jack")));

        assertInstanceOf(SaveOutcome.Saved.class, stored.saved());
        assertEquals("Jack", stored.saved().current().handle().display());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), stored.saved().current().scrapedAt());
    }

    @Test
    void givenANewerPictureStoredMeanwhile_scrape_answersWithTheStoredOne() {
        var newer = new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.plusSeconds(5));
        repository.saveIfNewer(newer);
        browser.withPicture("jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var stored = assertInstanceOf(ScrapeResult.Stored.class, result);
        assertEquals(new SaveOutcome.KeptNewer(newer), stored.saved());
        assertEquals(newer, repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void scrapedAtIsWhenTheVerdictWasReached() {
        browser.withPicture("jack", NEW);
        var scrapeTakingTwoSeconds =
                scrapingThrough(ScrapeStep.withTheRest(ScrapeSource.BROWSER, (handle, deadline) -> {
                    clock.advance(Duration.ofSeconds(2));
                    return browser.scrape(handle, deadline);
                }));

        var result = assertInstanceOf(ScrapeResult.Stored.class, scrapeTakingTwoSeconds.scrape(Handle.of("jack")));

        assertEquals(NOW.plusSeconds(2), result.saved().current().scrapedAt());
    }

    static List<ScrapeVerdict.Failure> failures() {
        return List.of(
                new ScrapeVerdict.AccountNotFound("This account doesn’t exist"),
                new ScrapeVerdict.AccountSuspended("Account suspended"),
                new ScrapeVerdict.Blocked("login wall"),
                new ScrapeVerdict.UpstreamUnreachable("connection refused"),
                new ScrapeVerdict.UpstreamMismatch("@jill's profile"),
                new ScrapeVerdict.InvalidPictureUrl("https://evil.example/a.jpg"),
                new ScrapeVerdict.TimedOut("no verdict in 20 s"),
                new ScrapeVerdict.CredentialsRefused("HTTP 401 from X's API"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void givenAFailedScrape_scrape_storesNothingAndKeepsTheEarlierPicture(ScrapeVerdict.Failure failure) {
        var earlier = new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.minusSeconds(60));
        repository.saveIfNewer(earlier);
        browser.withVerdict("jack", failure);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertEquals(
                new ScrapeResult.Failed(failure, ScrapeSource.BROWSER, Map.of(ScrapeSource.CRAWLER, NO_PROFILE)),
                result);
        assertEquals(earlier, repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void givenAPageForAnotherAccount_scrape_storesNothingAndCallsItAMismatch() {
        browser.withVerdict("jack", new ScrapeVerdict.Found(Handle.of("jill"), PictureUrl.of(NEW)));

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var failed = assertInstanceOf(ScrapeResult.Failed.class, result);
        assertInstanceOf(ScrapeVerdict.UpstreamMismatch.class, failed.failure());
        assertEquals(0, repository.size());
    }

    @Test
    void givenABrokenBrowser_scrape_failsAndStoresNothing() {
        browser.breakBrowser();

        assertThrows(ScraperUnavailableException.class, () -> useCase.scrape(Handle.of("jack")));

        assertEquals(0, repository.size());
    }

    @Test
    void givenTheStoreDown_scrape_failsAndRecoversWhenItComesBack() {
        browser.withPicture("jack", NEW);
        repository.goDown();

        assertThrows(StorageUnavailableException.class, () -> useCase.scrape(Handle.of("jack")));
        repository.comeBack();
        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var stored = assertInstanceOf(ScrapeResult.Stored.class, result);
        assertInstanceOf(SaveOutcome.Saved.class, stored.saved());
    }

    @Test
    void aScrapeNeedsASourceAndAsksEachOnce() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScrapeProfilePicture(List.of(), SCRAPE_TIMEOUT, repository, clock));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScrapeProfilePicture(
                        List.of(
                                ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser),
                                ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser)),
                        SCRAPE_TIMEOUT,
                        repository,
                        clock));
    }
}
