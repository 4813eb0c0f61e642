package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.profilepictures.application.PlanRefresh;
import com.profilepictures.domain.scrape.Deadline;
import java.time.Clock;
import java.time.Duration;
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

    private static final System.Logger LOG = System.getLogger(RefreshPlannerHandler.class.getName());

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
        int finished = 0;
        List<String> failures = new ArrayList<>();
        try {
            for (Future<PlanRefresh.PlanResult> segment : running) {
                try {
                    PlanRefresh.PlanResult result = segment.get();
                    queued += result.queued();
                    queuedAlready += result.queuedAlready();
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
        summary.put("durationMs", clock.millis() - startedAt);
        if (context != null) {
            summary.put("requestId", context.getAwsRequestId());
        }
        if (!failures.isEmpty()) {
            summary.put("failures", failures);
            LOG.log(System.Logger.Level.ERROR, "{0}", summary);
            throw new IllegalStateException("The refresh's planner failed in " + failures.size() + " of " + segments
                    + " segments (" + failures.get(0) + "); what it did not queue is due again next run.");
        }
        LOG.log(finished < segments ? System.Logger.Level.WARNING : System.Logger.Level.INFO, "{0}", summary);
        return summary;
    }

    private Duration budget(Context context) {
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return budgetWithoutContext;
        }
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(margin);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
