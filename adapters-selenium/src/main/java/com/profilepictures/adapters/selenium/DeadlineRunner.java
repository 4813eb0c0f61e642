package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.scrape.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs each job on a worker thread of its own while its caller waits no longer than the job's deadline, and
 * calls the job's watchdog action if the job still runs a while after that deadline. A job stuck in a call
 * that never returns (to a wedged browser) thus holds neither its caller nor, for long, what it uses.
 */
final class DeadlineRunner implements AutoCloseable {

    /** Work that reports its result as soon as it has one, and may then tidy up before it returns. */
    @FunctionalInterface
    interface Job<T> {
        void run(Consumer<T> report);
    }

    /**
     * How long past a job's deadline things may take.
     *
     * @param reportMargin  how long past the deadline the caller waits for a report (scheduling, one last command)
     * @param hangTolerance how long past the deadline a job may run before its watchdog action is called
     * @param tidyWait      how long the caller waits, after the report, for the job to finish tidying up
     */
    record Slack(Duration reportMargin, Duration hangTolerance, Duration tidyWait) {
        Slack {
            Objects.requireNonNull(reportMargin, "reportMargin");
            Objects.requireNonNull(hangTolerance, "hangTolerance");
            Objects.requireNonNull(tidyWait, "tidyWait");
        }
    }

    private final Slack slack;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor watchdog;

    DeadlineRunner(String name, Slack slack) {
        this.slack = Objects.requireNonNull(slack, "slack");
        this.workers = Executors.newCachedThreadPool(daemonThreads(name + "-worker"));
        this.watchdog = new ScheduledThreadPoolExecutor(1, daemonThreads(name + "-watchdog"));
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code job} and waits for its report until the deadline (and the report margin), then briefly for the
     * job to finish. Should the job still run {@code hangTolerance} after the deadline, {@code onHang} is called
     * on the watchdog's thread.
     *
     * @return the report, or empty if none came in time (the job may still be running)
     * @throws RejectedExecutionException if the runner is closed; the job did not run
     * @throws InterruptedException       if the caller was interrupted while waiting (the job may still be running)
     * @throws RuntimeException           what the job threw before it reported
     */
    <T> Optional<T> run(Deadline deadline, Job<T> job, Runnable onHang) throws InterruptedException {
        CompletableFuture<T> report = new CompletableFuture<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        ScheduledFuture<?> watch = watchdog.schedule(
                () -> {
                    if (!finished.isDone()) {
                        onHang.run();
                    }
                },
                deadline.remaining().plus(slack.hangTolerance()).toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            workers.execute(() -> {
                try {
                    job.run(report::complete);
                } catch (Throwable failure) {
                    // The caller rethrows it (a report that came first stands).
                    report.completeExceptionally(failure);
                } finally {
                    watch.cancel(false);
                    finished.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            watch.cancel(false);
            throw e;
        }
        try {
            T value = report.get(deadline.remaining().plus(slack.reportMargin()).toNanos(), TimeUnit.NANOSECONDS);
            awaitTidying(finished);
            return Optional.of(value);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("A job failed unexpectedly", cause);
        }
    }

    /** Stops every worker (interrupting them) and the watchdog; jobs still running are left to their owners. */
    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    private void awaitTidying(CompletableFuture<Void> finished) {
        try {
            finished.get(slack.tidyWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the report stands
        } catch (ExecutionException | TimeoutException e) {
            // The report stands; a job that tidies up slowly is the watchdog's business.
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
