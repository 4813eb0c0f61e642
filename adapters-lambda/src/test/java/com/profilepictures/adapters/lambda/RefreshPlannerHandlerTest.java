package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.profilepictures.application.PlanRefresh;
import com.profilepictures.application.testing.InMemoryArchiveQueue;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshQueue;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.refresh.RefreshRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefreshPlannerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration REFRESH_AFTER = Duration.ofDays(1);
    private static final PictureUrl PICTURE = PictureUrl.of("https://pbs.twimg.com/profile_images/1/a_400x400.jpg");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryRefreshQueue queue = new InMemoryRefreshQueue();
    private final MutableClock clock = new MutableClock(NOW);
    private final RefreshPlannerHandler handler = new RefreshPlannerHandler(
            new PlanRefresh(repository, queue, clock, REFRESH_AFTER, Duration.ofHours(6)),
            4,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            clock);

    private void stored(String handle, Duration ago) {
        repository.saveIfNewer(new ProfilePicture(Handle.of(handle), PICTURE, NOW.minus(ago)));
    }

    /** A planner whose pass also sweeps the pictures not archived 15 minutes on into {@code archiveQueue}. */
    private RefreshPlannerHandler sweeping(InMemoryArchiveQueue archiveQueue) {
        return new RefreshPlannerHandler(
                new PlanRefresh(
                        repository,
                        queue,
                        clock,
                        REFRESH_AFTER,
                        Duration.ofHours(6),
                        archiveQueue,
                        Duration.ofMinutes(15)),
                4,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                clock);
    }

    @Test
    void givenDueAndFreshAccounts_aScheduledRun_queuesEachDueAccountOnceOverEverySegment() {
        for (int i = 0; i < 25; i++) {
            stored("due" + i, Duration.ofDays(2));
        }
        stored("fresh", Duration.ofHours(1));

        Map<String, Object> first = handler.handle(Map.of("source", "aws.scheduler"), new TestContext());
        Map<String, Object> second = handler.handle(null, null);

        Set<String> queued = queue.sent().stream()
                .map(RefreshRequest::handle)
                .map(Handle::display)
                .collect(Collectors.toSet());
        assertEquals(25, queue.sent().size());
        assertEquals(25, queued.size());
        assertTrue(!queued.contains("fresh"));
        assertEquals(25, first.get("queued"));
        assertEquals(4, first.get("segmentsFinished"));
        assertEquals(0, second.get("queued"), "queued once: " + second);
    }

    @Test
    void givenPicturesNotArchivedAfterTheGrace_aRun_redrivesThem_andCountsTheRedrivesAsAMetric() {
        var archiveQueue = new InMemoryArchiveQueue();
        var sweeping = sweeping(archiveQueue);
        for (int i = 0; i < 7; i++) {
            stored("lost" + i, Duration.ofHours(1));
        }
        stored("recent", Duration.ofMinutes(5));
        TestContext context = new TestContext();

        Map<String, Object> summary = sweeping.handle(Map.of(), context);

        assertEquals(7, archiveQueue.sent().size());
        assertEquals(7, summary.get("redriven"));
        JsonObject line = context.onlyLogLine();
        assertEquals("refresh_plan", line.get("event").getAsString());
        assertEquals(7, line.get("redriven").getAsInt());
        assertEquals(
                "{\"dimensions\":[],\"values\":{\"ArchiveRedrives\":7}}",
                line.get("metrics").toString(),
                "no dimension: the count is one metric, whatever the run");
    }

    @Test
    void givenAnArchiveQueueThatRefuses_aRun_stillQueuesTheRefresh_andFailsLoudly() {
        var archiveQueue = new InMemoryArchiveQueue();
        archiveQueue.goDown();
        var sweeping = sweeping(archiveQueue);
        stored("due", Duration.ofDays(2));

        assertThrows(IllegalStateException.class, () -> sweeping.handle(Map.of(), new TestContext()));

        assertEquals(1, queue.sent().size(), "the refresh went on");
    }

    @Test
    void givenAQueueThatRefuses_aRun_failsLoudlyAndLogsAnError() {
        stored("jack", Duration.ofDays(2));
        queue.goDown();

        TestContext context = new TestContext();

        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> handler.handle(Map.of(), context));

        assertTrue(thrown.getMessage().contains("due again next run"), thrown.getMessage());
        JsonObject line = context.onlyLogLine();
        assertEquals("ERROR", line.get("level").getAsString());
        assertEquals(1, line.getAsJsonArray("failures").size(), "the one segment that held an account due");
    }
}
