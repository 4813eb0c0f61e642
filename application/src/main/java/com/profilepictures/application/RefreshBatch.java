package com.profilepictures.application;

import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker does with a batch of queue messages: refreshes their accounts ({@link RefreshProfilePictures})
 * and disposes of each message by its outcome. Done is done; an account only a browser can tell is sent to the
 * browser's queue; one X held back (rate limited, erroring, silent) is sent again, delayed until it is worth
 * asking, as its next attempt, so that waiting on X does not use up the message's receives; anything else,
 * and a message that has used its attempts or could not be sent on, is answered as failed, for the queue to
 * deliver again and, after its receives, to dead-letter. Nothing is dropped. The browser's own queue is read by a
 * batch without a browser's queue ({@link #lastResort}): there, a page that cannot tell is a failure.
 */
public final class RefreshBatch {

    private final RefreshProfilePictures refresh;
    private final RefreshQueue again;
    private final Optional<RefreshQueue> browser;
    private final Clock clock;
    private final int maxAttempts;

    /**
     * @param again       the queue the batch came from, for messages sent again later
     * @param browser     the browser's queue
     * @param maxAttempts how many times a message is sent in all before it is failed instead of sent again
     */
    public RefreshBatch(
            RefreshProfilePictures refresh, RefreshQueue again, RefreshQueue browser, Clock clock, int maxAttempts) {
        this(refresh, again, Optional.of(browser), clock, maxAttempts);
    }

    private RefreshBatch(
            RefreshProfilePictures refresh,
            RefreshQueue again,
            Optional<RefreshQueue> browser,
            Clock clock,
            int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A message is sent at least once: " + maxAttempts);
        }
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.again = Objects.requireNonNull(again, "again");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAttempts = maxAttempts;
    }

    /**
     * A batch of the last source there is (the browser's queue, read through the browser): an account it cannot
     * tell either is answered as failed, for the queue's retries and then its dead-letter queue.
     */
    public static RefreshBatch lastResort(
            RefreshProfilePictures refresh, RefreshQueue again, Clock clock, int maxAttempts) {
        return new RefreshBatch(refresh, again, Optional.empty(), clock, maxAttempts);
    }

    /** How a batch went: the messages to answer as failed, and how many accounts ended how. */
    public record Done(List<RefreshRequest> failed, ScrapeSource source, Map<Outcome, Integer> outcomes) {
        public Done {
            failed = List.copyOf(failed);
            Objects.requireNonNull(source, "source");
            outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        }
    }

    /** What refreshing an account came to, by kind: a bounded set, for counting (never per account). */
    public enum Outcome {
        REFRESHED,
        UNCHANGED,
        NOT_FOUND,
        SUSPENDED,
        NEEDS_BROWSER,
        RETRY_LATER,
        FAILED;

        /** As a log line or a metric names it: {@code not_found}, {@code needs_browser}, … */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(RefreshOutcome outcome) {
            return switch (outcome) {
                case RefreshOutcome.Refreshed refreshed -> REFRESHED;
                case RefreshOutcome.Unchanged unchanged -> UNCHANGED;
                case RefreshOutcome.AccountStateRecorded recorded ->
                    recorded.status() == AccountStatus.SUSPENDED ? SUSPENDED : NOT_FOUND;
                case RefreshOutcome.NeedsBrowser needsBrowser -> NEEDS_BROWSER;
                case RefreshOutcome.RetryLater retry -> RETRY_LATER;
                case RefreshOutcome.Failed failure -> FAILED;
                case null -> FAILED;
            };
        }
    }

    /** The source this batch's accounts are asked through. */
    public ScrapeSource source() {
        return refresh.source();
    }

    /**
     * Refreshes the accounts of {@code requests}; answers those whose messages are to be answered as failed, and
     * how many accounts ended how.
     */
    public Done process(List<RefreshRequest> requests) {
        Map<Handle, RefreshOutcome> outcomes =
                refresh.refresh(requests.stream().map(RefreshRequest::handle).toList());
        Instant now = clock.instant();
        List<RefreshRequest> failed = new ArrayList<>();
        List<Pending> toBrowser = new ArrayList<>();
        List<Pending> later = new ArrayList<>();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (RefreshRequest request : requests) {
            RefreshOutcome outcome = outcomes.get(request.handle());
            counts.merge(Outcome.of(outcome), 1, Integer::sum);
            switch (outcome) {
                case RefreshOutcome.Refreshed refreshed -> {}
                case RefreshOutcome.Unchanged unchanged -> {}
                case RefreshOutcome.AccountStateRecorded recorded -> {}
                case RefreshOutcome.NeedsBrowser needsBrowser -> {
                    if (browser.isPresent()) {
                        toBrowser.add(new Pending(request, RefreshRequest.first(request.handle())));
                    } else {
                        failed.add(request);
                    }
                }
                case RefreshOutcome.RetryLater retry -> {
                    if (request.attempt() >= maxAttempts) {
                        failed.add(request);
                    } else {
                        later.add(new Pending(request, request.again(retry.at(), now)));
                    }
                }
                case RefreshOutcome.Failed failure -> failed.add(request);
                case null -> failed.add(request);
            }
        }
        browser.ifPresent(queue -> failed.addAll(send(queue, toBrowser)));
        failed.addAll(send(again, later));
        return new Done(failed, source(), counts);
    }

    /** A message, and what is sent on in its place. */
    private record Pending(RefreshRequest received, RefreshRequest sent) {}

    // A batch the queue refused leaves its messages failed: delivered again, not lost.
    private static List<RefreshRequest> send(RefreshQueue queue, List<Pending> pending) {
        List<RefreshRequest> notSent = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += RefreshQueue.MAX_BATCH) {
            List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + RefreshQueue.MAX_BATCH));
            try {
                queue.send(batch.stream().map(Pending::sent).toList());
            } catch (RuntimeException e) {
                batch.forEach(message -> notSent.add(message.received()));
            }
        }
        return notSent;
    }
}
