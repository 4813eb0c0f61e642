package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshQueue;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.domain.scrape.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanRefreshTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Duration REFRESH_AFTER = Duration.ofDays(1);
    private static final Duration QUEUED_FOR = Duration.ofHours(6);

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryRefreshQueue queue = new InMemoryRefreshQueue();
    private final MutableClock clock = new MutableClock(T0.plus(REFRESH_AFTER));
    private final PlanRefresh planner = new PlanRefresh(repository, queue, clock, REFRESH_AFTER, QUEUED_FOR);

    private void store(String handle, Instant scrapedAt) {
        repository.saveIfNewer(new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/1/" + handle + "_400x400.jpg"),
                scrapedAt));
    }

    private static Deadline aMinute() {
        return Deadline.after(Duration.ofMinutes(1));
    }

    private Set<String> queuedKeys() {
        return queue.sent().stream().map(request -> request.handle().key()).collect(Collectors.toSet());
    }

    @Test
    void givenAccountsCheckedLongerAgoThanRefreshAfter_plan_queuesEachOnceInBatchesOfTen() {
        for (int i = 0; i < 25; i++) {
            store("due_" + i, T0.minusSeconds(i + 1));
        }
        for (int i = 0; i < 5; i++) {
            store("fresh_" + i, T0.plusSeconds(1));
        }

        PlanRefresh.PlanResult result = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(25, 0, true), result);
        assertEquals(25, queue.sent().size());
        assertEquals(25, queuedKeys().size(), "none twice");
        assertTrue(
                queuedKeys().stream().allMatch(key -> key.startsWith("due_")),
                queuedKeys().toString());
        assertTrue(queue.batches().stream().allMatch(batch -> batch.size() <= RefreshQueue.MAX_BATCH));
        assertTrue(queue.sent().stream().allMatch(request -> request.equals(RefreshRequest.first(request.handle()))));
    }

    @Test
    void givenAnAccountQueuedAlready_plan_leavesItUntilItsMarkRunsOut() {
        store("jack", T0.minusSeconds(1));
        planner.plan(0, 1, aMinute());

        clock.advance(Duration.ofHours(1));
        PlanRefresh.PlanResult again = planner.plan(0, 1, aMinute());
        clock.advance(QUEUED_FOR);
        PlanRefresh.PlanResult lost = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(0, 0, true), again, "still queued");
        assertEquals(new PlanRefresh.PlanResult(1, 0, true), lost, "never checked since: its message was lost");
        assertEquals(2, queue.sent().size());
    }

    @Test
    void givenAnAccountCheckedSinceItWasQueued_plan_doesNotQueueItAgain() {
        store("jack", T0.minusSeconds(1));
        planner.plan(0, 1, aMinute());
        var picture = repository.find(Handle.of("jack")).orElseThrow().url();
        repository.recordSamePicture(Handle.of("jack"), picture, clock.instant());

        clock.advance(QUEUED_FOR);
        PlanRefresh.PlanResult result = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(0, 0, true), result);
    }

    @Test
    void givenSegments_plansOfEverySegmentQueueEveryDueAccountOnce() {
        Set<String> due = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            store("user_" + i, T0.minusSeconds(i + 1));
            due.add("user_" + i);
        }

        int queued = 0;
        for (int segment = 0; segment < 4; segment++) {
            queued += planner.plan(segment, 4, aMinute()).queued();
        }

        assertEquals(40, queued);
        assertEquals(40, queue.sent().size());
        assertEquals(due, queuedKeys());
    }

    @Test
    void givenItsDeadlinePassed_plan_stopsAtAPagesEndAndTheRestIsDueNextRun() {
        for (int i = 0; i < PlanRefresh.PAGE_SIZE + 20; i++) {
            store("u" + i, T0.minusSeconds(1));
        }

        PlanRefresh.PlanResult first = planner.plan(0, 1, Deadline.after(Duration.ZERO));
        PlanRefresh.PlanResult rest = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(PlanRefresh.PAGE_SIZE, 0, false), first);
        assertEquals(new PlanRefresh.PlanResult(20, 0, true), rest);
        assertEquals(PlanRefresh.PAGE_SIZE + 20, queuedKeys().size());
    }

    @Test
    void givenTheQueueDown_plan_failsLoudly_andTheAccountIsQueuedOnceItsMarkRunsOut() {
        store("jack", T0.minusSeconds(1));
        queue.goDown();

        assertThrows(QueueUnavailableException.class, () -> planner.plan(0, 1, aMinute()));

        var upAgain = new InMemoryRefreshQueue();
        var later = new PlanRefresh(repository, upAgain, clock, REFRESH_AFTER, QUEUED_FOR);
        clock.advance(QUEUED_FOR);
        assertEquals(new PlanRefresh.PlanResult(1, 0, true), later.plan(0, 1, aMinute()));
        assertEquals(List.of(RefreshRequest.first(Handle.of("jack"))), upAgain.sent());
    }
}
