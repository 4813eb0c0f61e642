package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the refresh runs, read once from the environment with errors that name the variable: when an account is
 * due ({@code REFRESH_AFTER}, default {@code P1D}), the queues ({@link RefreshQueues}), the ceiling on requests to X across every
 * worker ({@code REFRESH_X_REQUESTS_PER_MINUTE}, default 60) and how many execution environments share it
 * ({@code REFRESH_WORKER_CONCURRENCY} and {@code REFRESH_BROWSER_CONCURRENCY}, the mappings' maximum
 * concurrency), and the workers' and planner's own settings.
 *
 * @param requestsPerMinute   the ceiling on requests to X across all workers
 * @param environments        how many execution environments can run at once (the two mappings' concurrency)
 * @param batchTimeout        how long a worker's batch may ask X ({@code REFRESH_BATCH_TIMEOUT})
 * @param retryDelay          how long after X was unavailable an account is asked again ({@code REFRESH_RETRY_DELAY})
 * @param maxAttempts         how many times a message is sent in all ({@code REFRESH_MAX_ATTEMPTS})
 * @param queuedFor           how long a queued account is not queued again ({@code REFRESH_QUEUED_FOR})
 * @param plannerSegments     how many segments the planner walks the table in, at once ({@code REFRESH_PLANNER_SEGMENTS})
 * @param parallelism         how many calls to X one worker runs at once ({@code REFRESH_PARALLELISM})
 */
public record RefreshConfiguration(
        Duration refreshAfter,
        RefreshQueues queues,
        int requestsPerMinute,
        int environments,
        Duration batchTimeout,
        Duration retryDelay,
        int maxAttempts,
        Duration queuedFor,
        int plannerSegments,
        int parallelism) {

    public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofDays(1);
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** docs/refresh.md: longer than a message's life in the queue with its delays and receives. */
    public static final Duration DEFAULT_QUEUED_FOR = Duration.ofHours(6);

    public static final int DEFAULT_PLANNER_SEGMENTS = 16;
    public static final int DEFAULT_PARALLELISM = 8;

    public RefreshConfiguration {
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(queuedFor, "queuedFor");
    }

    public static RefreshConfiguration from(Environment environment) {
        return new RefreshConfiguration(
                environment.positiveDuration("REFRESH_AFTER", DEFAULT_REFRESH_AFTER, "P1D or PT30M"),
                RefreshQueues.from(environment),
                number(environment, "REFRESH_X_REQUESTS_PER_MINUTE", DEFAULT_REQUESTS_PER_MINUTE, 100_000),
                number(environment, "REFRESH_WORKER_CONCURRENCY", DEFAULT_CONCURRENCY, 1000)
                        + number(environment, "REFRESH_BROWSER_CONCURRENCY", DEFAULT_CONCURRENCY, 1000),
                environment.positiveDuration("REFRESH_BATCH_TIMEOUT", DEFAULT_BATCH_TIMEOUT, "P1D or PT30M"),
                environment.positiveDuration("REFRESH_RETRY_DELAY", DEFAULT_RETRY_DELAY, "P1D or PT30M"),
                number(environment, "REFRESH_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 100),
                environment.positiveDuration("REFRESH_QUEUED_FOR", DEFAULT_QUEUED_FOR, "P1D or PT30M"),
                number(environment, "REFRESH_PLANNER_SEGMENTS", DEFAULT_PLANNER_SEGMENTS, 64),
                number(environment, "REFRESH_PARALLELISM", DEFAULT_PARALLELISM, 64));
    }

    /**
     * This execution environment's share of the ceiling: every environment of both mappings paces itself at the
     * ceiling divided by how many can run at once, so that together they never exceed it (at least one a minute).
     */
    public int requestsPerMinuteHere() {
        return Math.max(1, requestsPerMinute / environments);
    }

    /** The refresh queue's settings; the variable is required where a queue is used. */
    public SqsSettings queue() {
        return queues.refresh();
    }

    /** The browser's queue's settings. */
    public SqsSettings browserQueue() {
        return queues.browser();
    }

    private static int number(Environment environment, String variable, int fallback, int max) {
        return environment
                .get(variable)
                .map(value -> {
                    try {
                        int number = Integer.parseInt(value);
                        if (number >= 1 && number <= max) {
                            return number;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw new InvalidConfigurationException(
                            variable + " is a whole number from 1 to " + max + ": " + value);
                })
                .orElse(fallback);
    }
}
