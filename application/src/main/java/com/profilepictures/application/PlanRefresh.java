package com.profilepictures.application;

import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.RefreshQueue;
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

/**
 * Queues every stored account last checked more than {@code refreshAfter} ago for a refresh, once: each is
 * marked queued with a condition before it is sent ({@link ProfilePictureRepository#markQueued}), so a planner
 * run that overlaps another, or finds an account whose message is still waiting (delayed, retried), leaves it
 * alone until the mark runs out after {@code queuedFor}. A run walks one segment of the table, so that several
 * can share it, and stops at a page's end once its deadline has passed: what it leaves is still due next run.
 */
public final class PlanRefresh {

    /** Stored accounts read per page of the walk. */
    public static final int PAGE_SIZE = 500;

    private final ProfilePictureRepository repository;
    private final RefreshQueue queue;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration queuedFor;

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
        this.repository = Objects.requireNonNull(repository, "repository");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshAfter = positive(refreshAfter, "refreshAfter");
        this.queuedFor = positive(queuedFor, "queuedFor");
    }

    /** What a run did: accounts queued, due accounts left alone as queued already, and whether it walked its segment to the end. */
    public record PlanResult(int queued, int queuedAlready, boolean finished) {}

    /** Walks segment {@code segment} of {@code totalSegments} until its end or {@code deadline}. */
    public PlanResult plan(int segment, int totalSegments, Deadline deadline) {
        Instant now = clock.instant();
        DueRequest request = DueRequest.first(now.minus(refreshAfter), now, segment, totalSegments, PAGE_SIZE);
        int queued = 0;
        int queuedAlready = 0;
        while (true) {
            DuePage page = repository.findDue(request);
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
                return new PlanResult(queued, queuedAlready, true);
            }
            if (deadline.remaining().isZero()) {
                return new PlanResult(queued, queuedAlready, false);
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

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }
}
