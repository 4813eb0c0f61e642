package com.profilepictures.application;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Refreshes a batch of stored accounts (a batch of queue messages) through one browserless source, and says per
 * account how it ended ({@link RefreshOutcome}). The batch is cut into calls of the source's size (a hundred
 * accounts for X's API, one for the crawler) run in parallel on a bounded pool, all within one deadline. A rate
 * limit from X pauses the whole refresh until X's reset ({@link RefreshPause}, shared by every worker): a paused
 * refresh asks X nothing, and a call not yet started when this batch hits the limit is not made.
 */
public final class RefreshProfilePictures implements AutoCloseable {

    // Past the deadline, a call is given this long to come back before its accounts are given up for this batch.
    private static final Duration OVERRUN = Duration.ofSeconds(5);

    private final RefreshSource source;
    private final RefreshPause pause;
    private final RefreshVerdict verdicts;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService pool;

    /**
     * @param parallelism how many calls to the source run at once (accounts at once, for the crawler)
     * @param timeout     how long one batch may ask the source
     * @param retryDelay  how long after X was unavailable (an error, no answer) an account is asked again
     */
    public RefreshProfilePictures(
            RefreshSource source,
            RefreshPause pause,
            ProfilePictureRepository repository,
            Clock clock,
            int parallelism,
            Duration timeout,
            Duration retryDelay) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("A refresh runs at least one call at a time: " + parallelism);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.verdicts = new RefreshVerdict(repository, clock, retryDelay);
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "refresh-" + source.source().wireName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One outcome per account of {@code handles} (accounts that differ only in case are one), in the order asked.
     * An account's failure is its outcome; only a pause that cannot be read throws
     * ({@link com.profilepictures.domain.port.StorageUnavailableException}), leaving the whole batch to the queue.
     */
    public Map<Handle, RefreshOutcome> refresh(List<Handle> handles) {
        List<Handle> accounts = List.copyOf(new LinkedHashSet<>(handles));
        Map<Handle, RefreshOutcome> outcomes = new LinkedHashMap<>();
        Optional<Instant> paused = pause.pausedUntil(clock.instant());
        if (paused.isPresent()) {
            accounts.forEach(handle -> outcomes.put(handle, pausedUntil(paused.get())));
            return outcomes;
        }
        Deadline deadline = Deadline.after(timeout);
        AtomicReference<Instant> pausedHere = new AtomicReference<>();
        List<List<Handle>> calls = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += source.accountsPerCall()) {
            calls.add(accounts.subList(from, Math.min(accounts.size(), from + source.accountsPerCall())));
        }
        List<Future<Map<Handle, RefreshOutcome>>> running = new ArrayList<>();
        for (List<Handle> call : calls) {
            running.add(pool.submit(() -> refreshCall(call, deadline, pausedHere)));
        }
        for (int i = 0; i < calls.size(); i++) {
            outcomes.putAll(awaitCall(calls.get(i), running.get(i), deadline));
        }
        return outcomes;
    }

    private Map<Handle, RefreshOutcome> refreshCall(
            List<Handle> call, Deadline deadline, AtomicReference<Instant> pausedHere) {
        Map<Handle, RefreshOutcome> outcomes = new LinkedHashMap<>();
        Instant paused = pausedHere.get();
        if (paused != null) {
            call.forEach(handle -> outcomes.put(handle, pausedUntil(paused)));
            return outcomes;
        }
        Map<Handle, ScrapeVerdict> found = source.scraper().scrapeAll(call, deadline);
        for (Handle handle : call) {
            outcomes.put(handle, settle(handle, found.get(handle), pausedHere));
        }
        return outcomes;
    }

    private RefreshOutcome settle(Handle handle, ScrapeVerdict verdict, AtomicReference<Instant> pausedHere) {
        if (verdict == null) {
            return new RefreshOutcome.Failed("The " + source.source().wireName() + " source gave no verdict on @"
                    + handle + " when asked with others.");
        }
        if (verdict instanceof ScrapeVerdict.Undecided undecided
                && undecided.cause() == ScrapeVerdict.Undecided.Cause.RATE_LIMITED) {
            Instant until = undecided.retryAt().orElseThrow();
            pausedHere.accumulateAndGet(
                    until, (held, offered) -> held == null || offered.isAfter(held) ? offered : held);
            try {
                pause.pauseUntil(until);
            } catch (RuntimeException e) {
                // This batch holds its own pause still; the account is asked again after the reset either way.
                return new RefreshOutcome.RetryLater(
                        until, undecided.detail() + " The pause could not be shared: " + e.getMessage());
            }
        }
        try {
            return verdicts.settle(handle, verdict);
        } catch (RuntimeException e) {
            // The store down, or an unreadable item: this account fails, the others of the batch go on.
            return new RefreshOutcome.Failed("Refreshing @" + handle + " could not be recorded: " + e.getMessage());
        }
    }

    private Map<Handle, RefreshOutcome> awaitCall(
            List<Handle> call, Future<Map<Handle, RefreshOutcome>> running, Deadline deadline) {
        String why;
        try {
            return running.get(deadline.remaining().plus(OVERRUN).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            why = "The " + source.source().wireName() + " source did not answer by the batch's deadline ("
                    + deadline.length() + ").";
            Map<Handle, RefreshOutcome> late = new LinkedHashMap<>();
            Instant at = clock.instant();
            call.forEach(handle -> late.put(handle, new RefreshOutcome.RetryLater(at, why)));
            return late;
        } catch (ExecutionException e) {
            why = "The " + source.source().wireName() + " source failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "Interrupted while refreshing.";
        }
        Map<Handle, RefreshOutcome> failed = new LinkedHashMap<>();
        for (Handle handle : call) {
            failed.put(handle, new RefreshOutcome.Failed(why));
        }
        return failed;
    }

    private static RefreshOutcome pausedUntil(Instant until) {
        return new RefreshOutcome.RetryLater(
                until, "The refresh is paused until X's rate limit resets at " + until + ".");
    }

    /** The source this refresh asks. */
    public ScrapeSource source() {
        return source.source();
    }

    /** Stops the pool's threads; a batch still running is interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
