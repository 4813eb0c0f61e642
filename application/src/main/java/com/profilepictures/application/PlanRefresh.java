package com.profilepictures.application;

import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ArchiveQueue;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.ArchiveRequest;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.domain.scrape.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Queues every stored account last checked more than {@code refreshAfter} ago for a refresh, once: each is
 * marked queued with a condition before it is sent ({@link ProfilePictureRepository#markQueued}), so a planner
 * run that overlaps another, or finds an account whose message is still waiting (delayed, retried), leaves it
 * alone until the mark runs out after {@code queuedFor}. A run walks one segment of the table, so that several
 * can share it, and stops at a page's end once its deadline has passed: what it leaves is still due next run.
 *
 * <p>The same pass is the archive's sweep: every stored picture first seen more than {@code archiveGrace} ago that
 * is neither archived nor judged not archivable is sent to the archive queue, to be archived again through the
 * same idempotent use case ({@link ArchivePicture}), found on the very pages that find the due accounts (no read
 * of its own). It is sent once a run until it is archived or judged not archivable; a send that fails leaves it
 * for the next run, and the run says so without stopping the refresh.
 */
public final class PlanRefresh {

    /** Stored accounts read per page of the walk. */
    public static final int PAGE_SIZE = 500;

    private final ProfilePictureRepository repository;
    private final RefreshQueue queue;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration queuedFor;
    private final Optional<ArchiveQueue> archiveQueue;
    private final Duration archiveGrace;

    /**
     * @param refreshAfter how long after its last check an account is due ({@code REFRESH_AFTER})
     * @param queuedFor    how long an account queued is not queued again: longer than a message can wait in
     *                     the queue with its delays and retries, so that it is queued again only once lost
     */
    public PlanRefresh(
            ProfilePictureRepository repository,
            RefreshQueue queue,
            Clock clock,
            Duration refreshAfter,
            Duration queuedFor) {
        this(repository, queue, clock, refreshAfter, queuedFor, Optional.empty(), Duration.ofMinutes(15));
    }

    /**
     * A planner that also sweeps: {@code archiveGrace} ({@code ARCHIVE_GRACE}) is how long after its scrape a
     * picture must be archived by the table's stream before the sweep sends it to {@code archiveQueue}.
     */
    public PlanRefresh(
            ProfilePictureRepository repository,
            RefreshQueue queue,
            Clock clock,
            Duration refreshAfter,
            Duration queuedFor,
            ArchiveQueue archiveQueue,
            Duration archiveGrace) {
        this(
                repository,
                queue,
                clock,
                refreshAfter,
                queuedFor,
                Optional.of(Objects.requireNonNull(archiveQueue, "archiveQueue")),
                archiveGrace);
    }

    private PlanRefresh(
            ProfilePictureRepository repository,
            RefreshQueue queue,
            Clock clock,
            Duration refreshAfter,
            Duration queuedFor,
            Optional<ArchiveQueue> archiveQueue,
            Duration archiveGrace) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshAfter = positive(refreshAfter, "refreshAfter");
        this.queuedFor = positive(queuedFor, "queuedFor");
        this.archiveQueue = archiveQueue;
        this.archiveGrace = positive(archiveGrace, "archiveGrace");
    }

    /**
     * What a run did: accounts queued, due accounts left alone as queued already, pictures sent to be archived again
     * ({@code redriven}) and those whose send failed ({@code redriveFailed}, left for the next run), and whether it
     * walked its segment to the end.
     */
    public record PlanResult(int queued, int queuedAlready, int redriven, int redriveFailed, boolean finished) {

        /** A run that swept nothing. */
        public PlanResult(int queued, int queuedAlready, boolean finished) {
            this(queued, queuedAlready, 0, 0, finished);
        }
    }

    /** Walks segment {@code segment} of {@code totalSegments} until its end or {@code deadline}. */
    public PlanResult plan(int segment, int totalSegments, Deadline deadline) {
        Instant now = clock.instant();
        DueRequest first = DueRequest.first(now.minus(refreshAfter), now, segment, totalSegments, PAGE_SIZE);
        DueRequest request = archiveQueue.isPresent() ? first.sweeping(now.minus(archiveGrace)) : first;
        int queued = 0;
        int queuedAlready = 0;
        Sweep sweep = new Sweep();
        while (true) {
            DuePage page = repository.findDue(request);
            archiveQueue.ifPresent(archive -> sweep.redrive(archive, page.unarchived()));
            List<RefreshRequest> batch = new ArrayList<>();
            for (ProfilePicture account : page.accounts()) {
                if (!repository.markQueued(account.handle(), now, now.plus(queuedFor))) {
                    queuedAlready++;
                    continue;
                }
                batch.add(RefreshRequest.first(account.handle()));
                if (batch.size() == RefreshQueue.MAX_BATCH) {
                    queued += send(batch);
                }
            }
            queued += send(batch);
            if (page.next().isEmpty()) {
                return new PlanResult(queued, queuedAlready, sweep.sent, sweep.failed, true);
            }
            if (deadline.remaining().isZero()) {
                return new PlanResult(queued, queuedAlready, sweep.sent, sweep.failed, false);
            }
            request = request.after(page);
        }
    }

    // An account marked but not sent (the queue refused it) waits for its mark to run out: late, never lost.
    private int send(List<RefreshRequest> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        queue.send(List.copyOf(batch));
        int sent = batch.size();
        batch.clear();
        return sent;
    }

    /** A segment's re-drives: sent ten at a time; a batch the queue refused is counted, and the walk goes on. */
    private static final class Sweep {
        private int sent;
        private int failed;

        void redrive(ArchiveQueue archive, List<ProfilePicture> unarchived) {
            for (int from = 0; from < unarchived.size(); from += ArchiveQueue.MAX_BATCH) {
                List<ArchiveRequest> batch =
                        unarchived.subList(from, Math.min(unarchived.size(), from + ArchiveQueue.MAX_BATCH)).stream()
                                .map(ArchiveRequest::of)
                                .toList();
                try {
                    archive.send(batch);
                    sent += batch.size();
                } catch (QueueUnavailableException refused) {
                    // Still unarchived next run; the refresh of this segment goes on.
                    failed += batch.size();
                }
            }
        }
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }
}
