package com.profilepictures.adapters.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.AtDeadline;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountNotFound;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountSuspended;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every answer of X's user lookup, asked over real HTTP on loopback of the stand-in site. */
class XApiProfilePictureScraperTest {

    private static final Duration AMPLE = Duration.ofSeconds(10);
    // Scheduling on a busy two-core machine.
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final String WRONG_TOKEN = "wrong-token-0123456789abcdef";

    private static FixtureSite site;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger pauseLog = Logger.getLogger(SourcePause.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private XApiProfilePictureScraper api;

    @BeforeAll
    static void startSite() {
        site = FixtureSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void newScraper() {
        api = scraperWith(FixtureSite.X_API_TOKEN, site.baseUrl());
        pauseLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        pauseLog.removeHandler(capture);
    }

    private XApiProfilePictureScraper scraperWith(String token, URI baseUrl) {
        return new XApiProfilePictureScraper(XApiSettings.of(baseUrl, BearerToken.of(token)), clock);
    }

    private ScrapeVerdict scrape(String handle) {
        return api.scrape(Handle.of(handle), Deadline.after(AMPLE));
    }

    private Map<Handle, ScrapeVerdict> scrapeAll(List<String> handles) {
        return api.scrapeAll(handles.stream().map(Handle::of).toList(), Deadline.after(AMPLE));
    }

    private int requestsSoFar() {
        return site.xApiRequests().size();
    }

    private List<List<String>> requestsSince(int before) {
        List<List<String>> all = site.xApiRequests();
        return all.subList(before, all.size());
    }

    private static Undecided assertUndecided(Cause cause, String what, ScrapeVerdict verdict) {
        Undecided undecided = assertInstanceOf(Undecided.class, verdict);
        assertEquals(cause, undecided.cause(), undecided.detail());
        assertTrue(undecided.detail().contains(what), "'" + what + "' not in: " + undecided.detail());
        assertFalse(undecided.detail().contains("\n"), "one line: " + undecided.detail());
        return undecided;
    }

    @Test
    void givenAnAccount_scrape_asksOnceAndFindsItsPictureAt400x400SpeltAsXSpellsIt() {
        int before = requestsSoFar();

        ScrapeVerdict verdict = scrape("JACK");

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("Jack", found.canonicalHandle().display());
        assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
        assertEquals(List.of(List.of("JACK")), requestsSince(before));
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureSite.APP_ONLY, FixtureSite.PROTECTED, FixtureSite.DEFAULT_AVATAR})
    void givenAnAccountTheCrawlerCannotReadOrAProtectedOrDefaultOne_scrape_findsItsPicture(String handle) {
        Found found = assertInstanceOf(Found.class, scrape(handle));

        assertEquals(FixtureSite.pictureUrlOf(handle), found.picture().value());
    }

    @Test
    void givenAnAccountThatDoesNotExist_scrape_saysNotFound() {
        AccountNotFound notFound = assertInstanceOf(AccountNotFound.class, scrape(FixtureSite.NONEXISTENT));

        assertTrue(notFound.detail().contains("Could not find user"), notFound.detail());
    }

    @Test
    void givenASuspendedAccount_scrape_saysSuspended() {
        assertInstanceOf(AccountSuspended.class, scrape(FixtureSite.SUSPENDED));
    }

    @Test
    void givenFoundAndRefusedAccounts_scrapeAll_readsDataAndErrorsOfOneAnswer() {
        int before = requestsSoFar();

        Map<Handle, ScrapeVerdict> verdicts = scrapeAll(
                List.of("alice", FixtureSite.NONEXISTENT, FixtureSite.SUSPENDED, FixtureSite.PROTECTED, "Bob"));

        assertEquals(1, requestsSince(before).size());
        assertEquals(
                List.of("alice", FixtureSite.NONEXISTENT, FixtureSite.SUSPENDED, FixtureSite.PROTECTED, "Bob"),
                verdicts.keySet().stream().map(Handle::display).toList());
        assertEquals(
                FixtureSite.pictureUrlOf("alice"),
                assertInstanceOf(Found.class, verdicts.get(Handle.of("alice")))
                        .picture()
                        .value());
        assertInstanceOf(AccountNotFound.class, verdicts.get(Handle.of(FixtureSite.NONEXISTENT)));
        assertInstanceOf(AccountSuspended.class, verdicts.get(Handle.of(FixtureSite.SUSPENDED)));
        assertInstanceOf(Found.class, verdicts.get(Handle.of(FixtureSite.PROTECTED)));
        assertEquals(
                "Bob",
                assertInstanceOf(Found.class, verdicts.get(Handle.of("bob")))
                        .canonicalHandle()
                        .display());
    }

    @Test
    void given101Accounts_scrapeAll_asksInTwoRequestsOf100And1() {
        List<String> handles = IntStream.range(0, 101).mapToObj(i -> "user" + i).toList();
        int before = requestsSoFar();

        Map<Handle, ScrapeVerdict> verdicts = scrapeAll(handles);

        List<List<String>> requests = requestsSince(before);
        assertEquals(List.of(100, 1), requests.stream().map(List::size).toList());
        assertEquals(handles, requests.stream().flatMap(List::stream).toList());
        assertEquals(101, verdicts.size());
        verdicts.forEach((handle, verdict) -> assertEquals(
                FixtureSite.pictureUrlOf(handle.display()),
                assertInstanceOf(Found.class, verdict).picture().value()));
    }

    @Test
    void givenHandlesThatDifferOnlyInCase_scrapeAll_asksEachAccountOnce() {
        int before = requestsSoFar();

        Map<Handle, ScrapeVerdict> verdicts = scrapeAll(List.of("Carol", "CAROL", "dave", "carol"));

        assertEquals(List.of(List.of("Carol", "dave")), requestsSince(before));
        assertEquals(
                List.of("Carol", "dave"),
                verdicts.keySet().stream().map(Handle::display).toList());
        assertTrue(verdicts.values().stream().allMatch(Found.class::isInstance), verdicts.toString());
    }

    @Test
    void givenAnAccountTheAnswerLeavesOut_scrapeAll_isUndecidedAboutItAlone() {
        Map<Handle, ScrapeVerdict> verdicts = scrapeAll(List.of("erin", FixtureSite.X_API_OMITTED));

        assertInstanceOf(Found.class, verdicts.get(Handle.of("erin")));
        assertUndecided(Cause.NO_PROFILE, "nothing about", verdicts.get(Handle.of(FixtureSite.X_API_OMITTED)));
    }

    @Test
    void givenAnAnswerAboutAnotherAccount_scrape_neverTakesItsPicture() {
        assertUndecided(Cause.NO_PROFILE, "nothing about", scrape(FixtureSite.SHOWS_ANOTHER_ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"401", "403"})
    void givenARefusedToken_scrape_pausesTheSourceWithOneLogLineAndNeverTheToken(String status) {
        String handle = status.equals("401") ? "frank" : FixtureSite.X_API_FORBIDDEN;
        api = scrapeWith(status.equals("401") ? WRONG_TOKEN : FixtureSite.X_API_TOKEN);
        int before = requestsSoFar();

        Undecided first = assertUndecided(Cause.CREDENTIALS_REFUSED, "HTTP " + status, scrape(handle));
        Undecided second = assertUndecided(Cause.CREDENTIALS_REFUSED, "HTTP " + status, scrape("grace"));

        assertEquals(1, requestsSince(before).size(), "asked again while paused");
        assertEquals(
                clock.instant().plus(SourcePause.AFTER_REFUSAL), first.retryAt().orElseThrow());
        assertEquals(first, second);
        assertEquals(1, logged.size(), "one line per pause: " + logged);
        assertTrue(
                logged.get(0).getMessage().contains("HTTP " + status),
                logged.get(0).getMessage());
        assertFalse(logged.get(0).getMessage().contains(WRONG_TOKEN));
        assertFalse(logged.get(0).getMessage().contains(FixtureSite.X_API_TOKEN));
        assertFalse(first.detail().contains(WRONG_TOKEN));
    }

    private XApiProfilePictureScraper scrapeWith(String token) {
        return scraperWith(token, site.baseUrl());
    }

    @Test
    void givenARefusedTokenFiveMinutesAgo_scrape_asksAgain() {
        api = scrapeWith(WRONG_TOKEN);
        scrape("heidi");
        clock.advance(SourcePause.AFTER_REFUSAL);
        int before = requestsSoFar();

        assertUndecided(Cause.CREDENTIALS_REFUSED, "HTTP 401", scrape("heidi"));

        assertEquals(1, requestsSince(before).size());
        assertEquals(2, logged.size(), "a line for each pause: " + logged);
    }

    @Test
    void givenARateLimitWithItsReset_scrape_pausesTheSourceUntilThen() {
        int before = requestsSoFar();

        Undecided limited = assertUndecided(Cause.RATE_LIMITED, "HTTP 429", scrape(FixtureSite.RATE_LIMITED));
        assertUndecided(Cause.RATE_LIMITED, "HTTP 429", scrape("ivan"));

        Instant reset = limited.retryAt().orElseThrow();
        assertTrue(reset.isAfter(clock.instant()), "the window's reset is ahead: " + reset);
        assertTrue(reset.isBefore(clock.instant().plus(Duration.ofMinutes(15)).plus(SLACK)), reset.toString());
        assertEquals(1, requestsSince(before).size(), "asked again while rate limited");
        clock.set(reset);
        assertInstanceOf(Found.class, scrape("ivan"));
    }

    @Test
    void givenARateLimitWithoutReset_scrape_pausesTheSourceForAMinute() {
        Undecided limited =
                assertUndecided(Cause.RATE_LIMITED, "HTTP 429", scrape(FixtureSite.X_API_LIMITED_WITHOUT_RESET));

        assertEquals(
                clock.instant().plus(SourcePause.DEFAULT_RATE_LIMIT),
                limited.retryAt().orElseThrow());
        assertEquals(1, logged.size(), logged.toString());
    }

    @Test
    void givenARateLimitMidBatch_scrapeAll_asksNoMoreRequestsUntilTheReset() {
        List<String> handles = new ArrayList<>(List.of(FixtureSite.RATE_LIMITED));
        IntStream.range(0, 150).mapToObj(i -> "more" + i).forEach(handles::add);
        int before = requestsSoFar();

        Map<Handle, ScrapeVerdict> verdicts = scrapeAll(handles);

        assertEquals(1, requestsSince(before).size());
        assertEquals(151, verdicts.size());
        verdicts.values().forEach(verdict -> assertUndecided(Cause.RATE_LIMITED, "HTTP 429", verdict));
    }

    @Test
    void givenAServerError_scrape_isUndecided() {
        assertUndecided(Cause.NO_PROFILE, "HTTP 503", scrape(FixtureSite.ERROR_PAGE));
    }

    @Test
    void givenAnAnswerThatIsNotJson_scrape_isUndecided() {
        assertUndecided(Cause.NO_PROFILE, "not JSON", scrape(FixtureSite.X_API_UNREADABLE));
    }

    @Test
    void givenAnAnswerOverOneMebibyte_scrape_stopsReadingAndIsUndecided() {
        long start = System.nanoTime();

        assertUndecided(Cause.NO_PROFILE, "more than 1048576 bytes", scrape(FixtureSite.OVERSIZED_PAGE));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(AMPLE) < 0);
    }

    @Test
    void givenAStalledAnswer_scrape_timesOutAtItsDeadline() {
        ScrapeVerdict verdict = AtDeadline.onTheStallingPage(api, Duration.ofMillis(300), SLACK);

        assertUndecided(Cause.TIMED_OUT, "within", verdict);
    }

    @Test
    void givenNoServer_scrape_isUnreachable() {
        api = scraperWith(FixtureSite.X_API_TOKEN, SilentServer.refusingUrl());

        assertUndecided(Cause.UNREACHABLE, "cannot reach", scrape("jack"));
    }
}
