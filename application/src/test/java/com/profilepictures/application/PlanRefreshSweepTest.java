package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryArchiveQueue;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshQueue;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ArchiveQueue;
import com.profilepictures.domain.refresh.ArchiveRequest;
import com.profilepictures.domain.scrape.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The archive's sweep, on the refresh planner's own pass over the table. */
class PlanRefreshSweepTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Duration REFRESH_AFTER = Duration.ofDays(1);
    private static final Duration QUEUED_FOR = Duration.ofHours(6);
    private static final Duration GRACE = Duration.ofMinutes(15);

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryRefreshQueue refreshQueue = new InMemoryRefreshQueue();
    private final InMemoryArchiveQueue archiveQueue = new InMemoryArchiveQueue();
    private final MutableClock clock = new MutableClock(T0.plus(GRACE).plusSeconds(1));
    private final PlanRefresh planner =
            new PlanRefresh(repository, refreshQueue, clock, REFRESH_AFTER, QUEUED_FOR, archiveQueue, GRACE);

    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePicture archivePicture =
            new ArchivePicture(history, host, new InMemoryPictureArchive(), repository);

    private static PictureUrl pictureOf(String handle) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/1/" + handle + "_normal.jpg");
    }

    private void store(String handle, Instant scrapedAt) {
        repository.saveIfNewer(new ProfilePicture(Handle.of(handle), pictureOf(handle), scrapedAt));
    }

    private void hostServes(String handle) {
        host.serve(pictureOf(handle).withSize(PictureSize.ARCHIVED), "image/jpeg", SampleImages.jpeg(handle));
    }

    private static Deadline aMinute() {
        return Deadline.after(Duration.ofMinutes(1));
    }

    private Set<String> redrivenKeys() {
        return archiveQueue.sent().stream()
                .map(request -> request.handle().key())
                .collect(Collectors.toSet());
    }

    /** What the archive side does with every message the sweep sent so far, then forgets them. */
    private void archiveWhatWasSent() {
        for (ArchiveRequest request : archiveQueue.sent()) {
            archivePicture.archive(request.handle(), request.picture(), request.scrapedAt());
        }
    }

    @Test
    void givenPicturesNotArchivedAfterTheGrace_plan_redrivesEachOnce_inBatchesOfTen_onTheSamePass() {
        for (int i = 0; i < 23; i++) {
            store("lost_" + i, T0.minusSeconds(i));
        }
        store("recent", clock.instant().minusSeconds(60));
        store("kept", T0);
        hostServes("kept");
        archivePicture.archive(Handle.of("kept"), pictureOf("kept"), T0);

        PlanRefresh.PlanResult result = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(0, 0, 23, 0, true), result, "none is due a refresh yet");
        assertEquals(23, archiveQueue.sent().size());
        assertEquals(23, redrivenKeys().size(), "none twice");
        assertTrue(
                redrivenKeys().stream().allMatch(key -> key.startsWith("lost_")),
                redrivenKeys().toString());
        assertTrue(archiveQueue.batches().stream().allMatch(batch -> batch.size() <= ArchiveQueue.MAX_BATCH));
        assertEquals(
                new ArchiveRequest(Handle.of("lost_3"), pictureOf("lost_3"), T0.minusSeconds(3)),
                archiveQueue.sent().stream()
                        .filter(request -> request.handle().key().equals("lost_3"))
                        .findFirst()
                        .orElseThrow(),
                "the request says what the stream would have: the picture and when it was scraped");
    }

    @Test
    void theSweepReadsNoPageOfItsOwn() {
        for (int i = 0; i < PlanRefresh.PAGE_SIZE * 2 + 10; i++) {
            store("u" + i, T0.minusSeconds(1));
        }
        var withoutSweep = new PlanRefresh(repository, refreshQueue, clock, REFRESH_AFTER, QUEUED_FOR);

        withoutSweep.plan(0, 1, aMinute());
        int pagesWithout = repository.dueReads();
        PlanRefresh.PlanResult sweeping = planner.plan(0, 1, aMinute());

        assertEquals(3, pagesWithout);
        assertEquals(2 * pagesWithout, repository.dueReads(), "the same three pages, once more");
        assertEquals(PlanRefresh.PAGE_SIZE * 2 + 10, sweeping.redriven());
    }

    @Test
    void givenAPictureTheStreamGaveUpOn_theSweepArchivesIt_andTheNextRunSendsNothing() {
        store("jack", T0);
        hostServes("jack");

        planner.plan(0, 1, aMinute());
        archiveWhatWasSent();
        clock.advance(Duration.ofHours(1));
        PlanRefresh.PlanResult next = planner.plan(0, 1, aMinute());

        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
        assertEquals(0, next.redriven());
        assertEquals(1, archiveQueue.sent().size());
    }

    @Test
    void givenAPictureTheHostRefusesForGood_itIsAskedForOnce_acrossManyRuns() {
        store("gonepic", T0); // the fake host answers 404 for anything it does not serve

        for (int run = 0; run < 5; run++) {
            planner.plan(0, 1, aMinute());
            archiveWhatWasSent();
            archiveQueue.clear();
            clock.advance(Duration.ofHours(1));
        }

        assertEquals(List.of(pictureOf("gonepic").withSize(PictureSize.ARCHIVED)), host.requested());
        assertInstanceOf(
                ArchiveResult.NotArchivable.class,
                archivePicture.archive(Handle.of("gonepic"), pictureOf("gonepic"), T0),
                "still refused, still marked");
    }

    @Test
    void givenAHostStillDown_thePictureIsSentAgainEveryRun_untilItIsArchived() {
        store("jack", T0);
        host.goDown();

        for (int run = 0; run < 3; run++) {
            planner.plan(0, 1, aMinute());
            archiveWhatWasSentIgnoringOutages();
            clock.advance(Duration.ofHours(1));
        }
        host.comeBack();
        hostServes("jack");
        planner.plan(0, 1, aMinute());
        archiveWhatWasSentIgnoringOutages();
        clock.advance(Duration.ofHours(1));
        PlanRefresh.PlanResult after = planner.plan(0, 1, aMinute());

        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
        assertEquals(0, after.redriven(), "archived: nothing more to send");
    }

    private void archiveWhatWasSentIgnoringOutages() {
        for (ArchiveRequest request : archiveQueue.sent()) {
            try {
                archivePicture.archive(request.handle(), request.picture(), request.scrapedAt());
            } catch (RuntimeException outage) {
                // left for the queue's retries and, after them, the next run
            }
        }
        archiveQueue.clear();
    }

    @Test
    void givenTheArchiveQueueDown_theRefreshGoesOn_andTheRunCountsWhatItCouldNotSend() {
        store("jack", T0.minus(REFRESH_AFTER).minusSeconds(1));
        store("jill", T0);
        archiveQueue.goDown();

        PlanRefresh.PlanResult result = planner.plan(0, 1, aMinute());

        assertEquals(new PlanRefresh.PlanResult(1, 0, 0, 2, true), result);
        assertEquals(
                Set.of("jack"),
                refreshQueue.sent().stream()
                        .map(request -> request.handle().key())
                        .collect(Collectors.toSet()));
    }

    @Test
    void givenAPlannerThatDoesNotSweep_plan_sendsNothingToArchive() {
        store("jack", T0);
        var withoutSweep = new PlanRefresh(repository, refreshQueue, clock, REFRESH_AFTER, QUEUED_FOR);

        assertEquals(new PlanRefresh.PlanResult(0, 0, true), withoutSweep.plan(0, 1, aMinute()));
        assertEquals(List.of(), archiveQueue.sent());
    }
}
