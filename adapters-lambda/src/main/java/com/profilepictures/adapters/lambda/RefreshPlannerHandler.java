package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.profilepictures.application.PlanRefresh;
import com.profilepictures.domain.scrape.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The schedule's event (EventBridge Scheduler's input, a {@code ScheduledEvent} or any map: its content is not
 * read, the run is "now"): one run of {@link PlanRefresh} over the whole table, its segments walked in parallel,
 * each until its end or the run's deadline, which leaves a margin before the function's own timeout. A run that
 * could not queue what it marked (the queue or the table down) fails, so that Lambda counts an error; what it
 * left is due again next run.
 */
public final class RefreshPlannerHandler {

    private final PlanRefresh plan;
    private final int segments;
    private final Duration margin;
    private final Duration budgetWithoutContext;
    private final Clock clock;

    /**
     * @param segments             how many segments the table is walked in, all at once
     * @param margin               how long before the function's timeout the segments stop starting pages
     * @param budgetWithoutContext how long a run may take where no Lambda context says (the local loop)
     */
    public RefreshPlannerHandler(
            PlanRefresh plan, int segments, Duration margin, Duration budgetWithoutContext, Clock clock) {
        if (segments < 1) {
            throw new IllegalArgumentException("A table is walked in at least one segment: " + segments);
        }
        this.plan = Objects.requireNonNull(plan, "plan");
        this.segments = segments;
        this.margin = Objects.requireNonNull(margin, "margin");
        this.budgetWithoutContext = Objects.requireNonNull(budgetWithoutContext, "budgetWithoutContext");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the planner once; answers what it did, or throws when a segment failed. */
    public Map<String, Object> handle(Object event, Context context) {
        long startedAt = clock.millis();
        Deadline deadline = Deadline.after(budget(context));
        ExecutorService pool = Executors.newFixedThreadPool(segments, task -> {
            Thread thread = new Thread(task, "refresh-planner");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<PlanRefresh.PlanResult>> running = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            int each = segment;
            running.add(pool.submit(() -> plan.plan(each, segments, deadline)));
        }
        int queued = 0;
        int queuedAlready = 0;
        int redriven = 0;
        int redriveFailed = 0;
        int finished = 0;
        List<String> failures = new ArrayList<>();
        try {
            for (Future<PlanRefresh.PlanResult> segment : running) {
                try {
                    PlanRefresh.PlanResult result = segment.get();
                    queued += result.queued();
                    queuedAlready += result.queuedAlready();
                    redriven += result.redriven();
                    redriveFailed += result.redriveFailed();
                    finished += result.finished() ? 1 : 0;
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getClass().getSimpleName() + ": "
                            + e.getCause().getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("event", "refresh_plan");
        summary.put("segments", segments);
        summary.put("segmentsFinished", finished);
        summary.put("queued", queued);
        summary.put("queuedAlready", queuedAlready);
        // The sweep: pictures still not archived ARCHIVE_GRACE after their scrape, sent to be archived again.
        summary.put("redriven", redriven);
        if (redriveFailed > 0) {
            summary.put("redriveFailed", redriveFailed);
            failures.add("the archive queue did not take " + redriveFailed + " picture(s)");
        }
        long durationMs = clock.millis() - startedAt;
        summary.put("durationMs", durationMs);
        if (context != null) {
            summary.put("requestId", context.getAwsRequestId());
        }
        if (!failures.isEmpty()) {
            summary.put("failures", failures);
            write(summary, System.Logger.Level.ERROR, redriven, startedAt, context, durationMs);
            throw new IllegalStateException("The refresh's planner failed in " + failures.size() + " of " + segments
                    + " segments (" + failures.get(0) + "); what it did not queue is due again next run.");
        }
        write(
                summary,
                finished < segments ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                redriven,
                startedAt,
                context,
                durationMs);
        return summary;
    }

    // One line a run, through the one logger, counting the sweep's re-drives (no dimension: one metric in all).
    private static void write(
            Map<String, Object> summary,
            System.Logger.Level level,
            int redriven,
            long startedAt,
            Context context,
            long durationMs) {
        LogLine line = new LogLine(Instant.ofEpochMilli(startedAt), context == null ? null : context.getAwsRequestId());
        summary.forEach((name, value) -> {
            if (!name.equals("durationMs") && !name.equals("requestId")) {
                line.put(name, value);
            }
        });
        line.level(level).count("ArchiveRedrives", redriven).write(durationMs);
    }

    private Duration budget(Context context) {
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return budgetWithoutContext;
        }
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(margin);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
