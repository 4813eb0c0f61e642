package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshPause;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshProfilePicturesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(1));
    private static final Duration RETRY_DELAY = Duration.ofMinutes(2);
    private static final PictureUrl OLD = PictureUrl.of("https://pbs.twimg.com/profile_images/1/jack_400x400.jpg");
    private static final PictureUrl NEW = PictureUrl.of("https://pbs.twimg.com/profile_images/2/jack_400x400.jpg");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryRefreshPause pause = new InMemoryRefreshPause();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeProfilePictureScraper crawler = new FakeProfilePictureScraper();
    private final List<RefreshProfilePictures> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RefreshProfilePictures::close);
    }

    private RefreshProfilePictures refresh(RefreshSource source, int parallelism) {
        var useCase = new RefreshProfilePictures(
                source, pause, repository, clock, parallelism, Duration.ofSeconds(30), RETRY_DELAY);
        opened.add(useCase);
        return useCase;
    }

    private RefreshProfilePictures crawlerRefresh() {
        return refresh(RefreshSource.crawler(crawler), 4);
    }

    private ProfilePicture stored(String handle, PictureUrl picture) {
        var stored = new ProfilePicture(Handle.of(handle), picture, T0);
        repository.saveIfNewer(stored);
        return stored;
    }

    private RefreshOutcome refreshOne(String handle) {
        return crawlerRefresh().refresh(List.of(Handle.of(handle))).get(Handle.of(handle));
    }

    @Test
    void givenAChangedPicture_refresh_savesItAsAScrapeDoes() {
        stored("Jack", OLD);
        crawler.withPicture("Jack", NEW.value());

        RefreshOutcome outcome = refreshOne("jack");

        var expected = new ProfilePicture(Handle.of("Jack"), NEW, NOW);
        assertEquals(new RefreshOutcome.Refreshed(expected), outcome);
        assertEquals(Optional.of(expected), repository.find(Handle.of("jack")));
        var write = repository.changes().get(repository.changes().size() - 1);
        assertEquals(T0, write.before().orElseThrow().scrapedAt());
        assertEquals(NOW, write.after().scrapedAt(), "the archive sees a new picture");
    }

    @Test
    void givenTheSamePictureAtAnotherSize_refresh_movesCheckedAtOnly() {
        var jack = stored("Jack", OLD);
        crawler.withPicture("Jack", OLD.withSize(PictureSize.NORMAL).value());
        int writes = repository.changes().size();

        RefreshOutcome outcome = refreshOne("jack");

        var checked = jack.checked(NOW, AccountStatus.ACTIVE);
        assertEquals(new RefreshOutcome.Unchanged(checked), outcome);
        assertEquals(Optional.of(checked), repository.find(Handle.of("jack")));
        assertEquals(writes + 1, repository.changes().size(), "one write");
        var write = repository.changes().get(writes);
        assertEquals(write.before().orElseThrow().scrapedAt(), write.after().scrapedAt(), "not a new picture");
    }

    @Test
    void givenANewSpellingOfTheSamePicture_refresh_storesTheSpellingAsAScrapeDoes() {
        stored("jack", OLD);
        crawler.withPicture("Jack", OLD.value());

        RefreshOutcome outcome = refreshOne("jack");

        assertEquals(new RefreshOutcome.Refreshed(new ProfilePicture(Handle.of("Jack"), OLD, NOW)), outcome);
    }

    @Test
    void givenAnAccountGoneOrSuspended_refresh_recordsItsStateAndKeepsItsPicture() {
        var jack = stored("jack", OLD);
        var jill = stored("jill", NEW);
        crawler.withVerdict("jack", new ScrapeVerdict.AccountNotFound("gone"));
        crawler.withVerdict("jill", new ScrapeVerdict.AccountSuspended("suspended"));

        Map<Handle, RefreshOutcome> outcomes = crawlerRefresh().refresh(List.of(Handle.of("jack"), Handle.of("jill")));

        var gone = jack.checked(NOW, AccountStatus.NOT_FOUND);
        var suspended = jill.checked(NOW, AccountStatus.SUSPENDED);
        assertEquals(
                Map.of(
                        Handle.of("jack"),
                        new RefreshOutcome.AccountStateRecorded(AccountStatus.NOT_FOUND, Optional.of(gone)),
                        Handle.of("jill"),
                        new RefreshOutcome.AccountStateRecorded(AccountStatus.SUSPENDED, Optional.of(suspended))),
                outcomes);
        assertEquals(Optional.of(gone), repository.find(Handle.of("jack")));
        assertEquals(Optional.of(suspended), repository.find(Handle.of("jill")));
    }

    @Test
    void givenAHandleNeverStoredAndGone_refresh_storesNothing() {
        crawler.withVerdict("ghost", new ScrapeVerdict.AccountNotFound("gone"));

        RefreshOutcome outcome = refreshOne("ghost");

        assertEquals(new RefreshOutcome.AccountStateRecorded(AccountStatus.NOT_FOUND, Optional.empty()), outcome);
        assertEquals(0, repository.size());
    }

    @Test
    void givenAPageThatCannotTell_refresh_asksForTheBrowserAndWritesNothing() {
        refreshedWithoutWrites(
                List.of(
                        new Undecided(Undecided.Cause.NO_PROFILE, "no profile on the page"),
                        new Undecided(Undecided.Cause.OTHER_ACCOUNT, "another account's page"),
                        new ScrapeVerdict.Found(Handle.of("jill"), NEW),
                        new ScrapeVerdict.UpstreamMismatch("another account")),
                RefreshOutcome.NeedsBrowser.class);
    }

    @Test
    void givenXUnavailable_refresh_saysWhenToRetryAndWritesNothing() {
        List<RefreshOutcome.RetryLater> retries = refreshedWithoutWrites(
                List.of(
                        new Undecided(Undecided.Cause.TIMED_OUT, "no answer"),
                        new Undecided(Undecided.Cause.UNREACHABLE, "connection refused"),
                        new ScrapeVerdict.TimedOut("no answer"),
                        new ScrapeVerdict.UpstreamUnreachable("connection refused"),
                        new ScrapeVerdict.Blocked("HTTP 503")),
                RefreshOutcome.RetryLater.class);

        retries.forEach(retry -> assertEquals(NOW.plus(RETRY_DELAY), retry.at()));
        assertEquals(Optional.empty(), pause.pausedUntil(NOW), "only a rate limit pauses the refresh");
    }

    /** Refreshes jack, stored, once per verdict of {@code verdicts}: each outcome is a {@code type}, and none writes. */
    private <T extends RefreshOutcome> List<T> refreshedWithoutWrites(List<ScrapeVerdict> verdicts, Class<T> type) {
        stored("jack", OLD);
        int writes = repository.changes().size();
        List<T> outcomes = new ArrayList<>();
        for (ScrapeVerdict verdict : verdicts) {
            crawler.withVerdict("jack", verdict);

            outcomes.add(assertInstanceOf(type, refreshOne("jack"), verdict.toString()));
        }
        assertEquals(writes, repository.changes().size(), "no write");
        return outcomes;
    }

    @Test
    void givenOurCredentialsRefusedOrAnInvalidPicture_refresh_fails() {
        crawler.withVerdict("jack", new Undecided(Undecided.Cause.CREDENTIALS_REFUSED, "401"));
        crawler.withVerdict("jill", new ScrapeVerdict.CredentialsRefused("401"));
        crawler.withVerdict("joe", new ScrapeVerdict.InvalidPictureUrl("not X's"));

        Map<Handle, RefreshOutcome> outcomes =
                crawlerRefresh().refresh(List.of(Handle.of("jack"), Handle.of("jill"), Handle.of("joe")));

        assertEquals(3, outcomes.size());
        outcomes.values().forEach(outcome -> assertInstanceOf(RefreshOutcome.Failed.class, outcome));
    }

    @Test
    void givenTheStoreDown_refresh_failsEachAccountWithoutThrowing() {
        stored("jack", OLD);
        crawler.withPicture("jack", NEW.value());
        repository.goDown();

        RefreshOutcome outcome =
                crawlerRefresh().refresh(List.of(Handle.of("jack"))).get(Handle.of("jack"));

        var failed = assertInstanceOf(RefreshOutcome.Failed.class, outcome);
        assertTrue(failed.detail().contains("@jack"), failed.detail());
    }

    @Test
    void givenABrokenSource_refresh_failsItsAccountsWithoutThrowing() {
        crawler.breakBrowser();

        Map<Handle, RefreshOutcome> outcomes = crawlerRefresh().refresh(List.of(Handle.of("jack"), Handle.of("jill")));

        assertEquals(List.of(Handle.of("jack"), Handle.of("jill")), List.copyOf(outcomes.keySet()));
        outcomes.values().forEach(outcome -> assertInstanceOf(RefreshOutcome.Failed.class, outcome));
    }

    @Test
    void givenARateLimit_refresh_pausesEveryWorkerUntilXsReset() {
        Instant reset = NOW.plusSeconds(600);
        crawler.withVerdict("jack", Undecided.rateLimited("HTTP 429", reset));
        var useCase = refresh(RefreshSource.crawler(crawler), 1);

        RefreshOutcome limited = useCase.refresh(List.of(Handle.of("jack"))).get(Handle.of("jack"));
        int asked = crawler.requested().size();
        var anotherWorker = refresh(RefreshSource.crawler(crawler), 1);
        Map<Handle, RefreshOutcome> paused = anotherWorker.refresh(List.of(Handle.of("jill"), Handle.of("joe")));
        clock.set(reset);
        crawler.withPicture("jill", NEW.value());
        RefreshOutcome resumed =
                anotherWorker.refresh(List.of(Handle.of("jill"))).get(Handle.of("jill"));

        assertEquals(new RefreshOutcome.RetryLater(reset, "HTTP 429"), limited);
        assertEquals(Optional.of(reset), pause.pausedUntil(NOW));
        assertEquals(asked, crawler.requested().size() - 1, "only jill, after the reset");
        paused.values()
                .forEach(outcome -> assertEquals(
                        reset,
                        assertInstanceOf(RefreshOutcome.RetryLater.class, outcome)
                                .at()));
        assertInstanceOf(RefreshOutcome.Refreshed.class, resumed);
    }

    @Test
    void givenARateLimitAndAPauseThatCannotBeWritten_refresh_stillSaysRetryAtTheReset() {
        Instant reset = NOW.plusSeconds(600);
        crawler.withVerdict("jack", Undecided.rateLimited("HTTP 429", reset));
        RefreshPause unwritable = new RefreshPause() {
            @Override
            public Optional<Instant> pausedUntil(Instant now) {
                return Optional.empty();
            }

            @Override
            public void pauseUntil(Instant until) {
                throw new StorageUnavailableException("the table is down (test fault)", null);
            }
        };
        var useCase = new RefreshProfilePictures(
                RefreshSource.crawler(crawler), unwritable, repository, clock, 1, Duration.ofSeconds(30), RETRY_DELAY);
        opened.add(useCase);

        RefreshOutcome outcome = useCase.refresh(List.of(Handle.of("jack"))).get(Handle.of("jack"));

        assertEquals(
                reset,
                assertInstanceOf(RefreshOutcome.RetryLater.class, outcome).at());
    }

    @Test
    void givenARateLimitMidBatch_refresh_asksXNothingMore() {
        Instant reset = NOW.plusSeconds(600);
        crawler.withVerdict("jack", Undecided.rateLimited("HTTP 429", reset));
        crawler.withPicture("jill", NEW.value());

        Map<Handle, RefreshOutcome> outcomes =
                refresh(RefreshSource.crawler(crawler), 1).refresh(List.of(Handle.of("jack"), Handle.of("jill")));

        assertEquals(List.of(Handle.of("jack")), crawler.requested());
        assertEquals(
                reset,
                assertInstanceOf(RefreshOutcome.RetryLater.class, outcomes.get(Handle.of("jill")))
                        .at());
        assertEquals(1, pause.reads(), "the shared pause is read once a batch");
    }

    @Test
    void givenXsApi_refresh_asksAHundredAccountsACall() {
        var calls = new CopyOnWriteArrayList<Integer>();
        ProfilePictureScraper api = new ProfilePictureScraper() {
            @Override
            public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
                throw new AssertionError("X's API is asked in batches");
            }

            @Override
            public Map<Handle, ScrapeVerdict> scrapeAll(List<Handle> handles, Deadline deadline) {
                calls.add(handles.size());
                return crawler.scrapeAll(handles, deadline);
            }
        };
        List<Handle> handles = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            handles.add(Handle.of("user_" + i));
            crawler.withPicture("user_" + i, "https://pbs.twimg.com/profile_images/" + (i + 1) + "/a_400x400.jpg");
        }

        Map<Handle, RefreshOutcome> outcomes =
                refresh(RefreshSource.xApi(api), 2).refresh(handles);

        assertEquals(List.of(50, 100, 100), calls.stream().sorted().toList());
        assertEquals(250, outcomes.size());
        outcomes.values().forEach(outcome -> assertInstanceOf(RefreshOutcome.Refreshed.class, outcome));
    }

    @Test
    void givenSeveralAccounts_refresh_asksThemInParallel() {
        // Every scrape waits until four are in flight at once: a one-at-a-time refresh would time out here.
        var together = new CyclicBarrier(4);
        ProfilePictureScraper slow = (handle, deadline) -> {
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                return new ScrapeVerdict.TimedOut("not in parallel: " + e);
            }
            return new ScrapeVerdict.Found(handle, NEW);
        };
        List<Handle> handles = List.of(Handle.of("a"), Handle.of("b"), Handle.of("c"), Handle.of("d"));

        Map<Handle, RefreshOutcome> outcomes =
                refresh(RefreshSource.crawler(slow), 4).refresh(handles);

        outcomes.values().forEach(outcome -> assertInstanceOf(RefreshOutcome.Refreshed.class, outcome));
    }

    @Test
    void givenOneAccountTwice_refresh_asksOnceAndAnswersOnce() {
        stored("jack", OLD);
        crawler.withPicture("jack", OLD.value());

        Map<Handle, RefreshOutcome> outcomes = crawlerRefresh().refresh(List.of(Handle.of("jack"), Handle.of("JACK")));

        assertEquals(1, outcomes.size());
        assertEquals(List.of(Handle.of("jack")), crawler.requested());
    }
}
