package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshPause;
import com.profilepictures.application.testing.InMemoryRefreshQueue;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:00:00.123Z");
    private static final Duration RETRY_DELAY = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 3;
    private static final PictureUrl PICTURE = PictureUrl.of("https://pbs.twimg.com/profile_images/1/a_400x400.jpg");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeProfilePictureScraper crawler = new FakeProfilePictureScraper();
    private final InMemoryRefreshQueue again = new InMemoryRefreshQueue();
    private final InMemoryRefreshQueue browser = new InMemoryRefreshQueue();
    private final RefreshProfilePictures refresh = new RefreshProfilePictures(
            RefreshSource.crawler(crawler),
            new InMemoryRefreshPause(),
            repository,
            clock,
            4,
            Duration.ofSeconds(30),
            RETRY_DELAY);
    private final RefreshBatch batch = new RefreshBatch(refresh, again, browser, clock, MAX_ATTEMPTS);

    @AfterEach
    void close() {
        refresh.close();
    }

    private static RefreshRequest request(String handle, int attempt) {
        return new RefreshRequest(Handle.of(handle), attempt, Duration.ZERO);
    }

    @Test
    void givenDecidedAccounts_process_isDoneWithTheirMessages() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("jack"), PICTURE, NOW.minus(Duration.ofDays(1))));
        crawler.withPicture("jack", PICTURE.value());
        crawler.withVerdict("jill", new ScrapeVerdict.AccountSuspended("suspended"));

        List<RefreshRequest> failed =
                batch.process(List.of(request("jack", 1), request("jill", 2))).failed();

        assertEquals(List.of(), failed);
        assertEquals(List.of(), again.sent());
        assertEquals(List.of(), browser.sent());
    }

    @Test
    void process_countsTheAccountsByHowTheyEnded_forTheBatchsSource() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("jack"), PICTURE, NOW.minus(Duration.ofDays(1))));
        repository.saveIfNewer(new ProfilePicture(Handle.of("gone"), PICTURE, NOW.minus(Duration.ofDays(1))));
        crawler.withPicture("jack", PICTURE.value());
        crawler.withPicture("jill", PICTURE.value());
        crawler.withVerdict("gone", new ScrapeVerdict.AccountNotFound("no such account"));
        crawler.withVerdict("banned", new ScrapeVerdict.AccountSuspended("suspended"));
        crawler.withVerdict("apponly", new Undecided(Undecided.Cause.NO_PROFILE, "no profile"));
        crawler.withVerdict("slow", new ScrapeVerdict.TimedOut("no answer"));
        crawler.withVerdict("bad", new ScrapeVerdict.InvalidPictureUrl("not X's"));

        RefreshBatch.Done done = batch.process(Stream.of("jack", "jill", "gone", "banned", "apponly", "slow", "bad")
                .map(handle -> request(handle, 1))
                .toList());

        assertEquals(ScrapeSource.CRAWLER, done.source());
        assertEquals(
                Map.of(
                        RefreshBatch.Outcome.UNCHANGED, 1,
                        RefreshBatch.Outcome.REFRESHED, 1,
                        RefreshBatch.Outcome.NOT_FOUND, 1,
                        RefreshBatch.Outcome.SUSPENDED, 1,
                        RefreshBatch.Outcome.NEEDS_BROWSER, 1,
                        RefreshBatch.Outcome.RETRY_LATER, 1,
                        RefreshBatch.Outcome.FAILED, 1),
                done.outcomes());
        assertEquals(List.of(request("bad", 1)), done.failed());
        assertEquals("needs_browser", RefreshBatch.Outcome.NEEDS_BROWSER.wireName());
    }

    @Test
    void givenAPageThatCannotTell_process_sendsTheAccountToTheBrowsersQueue() {
        crawler.withVerdict("jack", new Undecided(Undecided.Cause.NO_PROFILE, "no profile"));

        List<RefreshRequest> failed = batch.process(List.of(request("jack", 2))).failed();

        assertEquals(List.of(), failed);
        assertEquals(List.of(RefreshRequest.first(Handle.of("jack"))), browser.sent());
        assertEquals(List.of(), again.sent());
    }

    @Test
    void givenXHoldingBack_process_sendsTheNextAttemptDelayedInsteadOfFailing() {
        Instant reset = NOW.plusSeconds(300);
        crawler.withVerdict("jack", Undecided.rateLimited("HTTP 429", reset));
        crawler.withVerdict("jill", new Undecided(Undecided.Cause.TIMED_OUT, "no answer"));

        // One batch each: a rate limit pauses the rest of its batch, whichever call comes first.
        List<RefreshRequest> failed =
                new ArrayList<>(batch.process(List.of(request("jill", 2))).failed());
        failed.addAll(batch.process(List.of(request("jack", 1))).failed());

        assertEquals(List.of(), failed, "held back, not failed: no receive is used up");
        assertEquals(
                List.of(
                        new RefreshRequest(Handle.of("jill"), 3, RETRY_DELAY),
                        new RefreshRequest(Handle.of("jack"), 2, Duration.ofSeconds(300))),
                again.sent());
    }

    @Test
    void givenAMessageOutOfAttemptsOrAFailure_process_answersItFailedForTheQueueToDeadLetter() {
        crawler.withVerdict("jack", new Undecided(Undecided.Cause.TIMED_OUT, "no answer"));
        crawler.withVerdict("jill", new ScrapeVerdict.CredentialsRefused("401"));

        List<RefreshRequest> failed = batch.process(List.of(request("jack", MAX_ATTEMPTS), request("jill", 1)))
                .failed();

        assertEquals(List.of(request("jack", MAX_ATTEMPTS), request("jill", 1)), failed);
        assertEquals(List.of(), again.sent());
    }

    @Test
    void givenAQueueThatRefuses_process_answersItsMessagesFailedSoNothingIsLost() {
        crawler.withVerdict("jack", new Undecided(Undecided.Cause.TIMED_OUT, "no answer"));
        crawler.withVerdict("jill", new Undecided(Undecided.Cause.OTHER_ACCOUNT, "another account"));
        again.goDown();
        browser.goDown();

        List<RefreshRequest> failed =
                batch.process(List.of(request("jack", 1), request("jill", 1))).failed();

        assertEquals(List.of(request("jill", 1), request("jack", 1)), failed);
    }

    @Test
    void givenMoreThanTenToSendOn_process_sendsThemTenAtATime() {
        List<RefreshRequest> requests = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            requests.add(request("u" + i, 1));
        }
        crawler.otherwise(new Undecided(Undecided.Cause.UNREACHABLE, "connection refused"));

        List<RefreshRequest> failed = batch.process(requests).failed();

        assertEquals(List.of(), failed);
        assertEquals(
                List.of(10, 10, 3), again.batches().stream().map(List::size).toList());
    }

    @Test
    void givenTheLastResortsPageThatCannotTell_process_answersItFailedInsteadOfSendingItOn() {
        crawler.withVerdict("jack", new Undecided(Undecided.Cause.OTHER_ACCOUNT, "another account's page"));
        crawler.withVerdict("jill", new Undecided(Undecided.Cause.UNREACHABLE, "X erroring"));
        RefreshBatch lastResort = RefreshBatch.lastResort(refresh, again, clock, MAX_ATTEMPTS);
        RefreshRequest jack = request("jack", 1);

        List<RefreshRequest> failed =
                lastResort.process(List.of(jack, request("jill", 1))).failed();

        assertEquals(List.of(jack), failed);
        assertEquals(List.of(request("jill", 1).again(NOW.plus(RETRY_DELAY), NOW)), again.sent());
        assertEquals(List.of(), browser.sent());
    }
}
