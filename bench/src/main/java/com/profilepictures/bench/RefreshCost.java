package com.profilepictures.bench;

import com.profilepictures.application.RefreshBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a million refreshes cost on AWS, from one source's measured batches ({@link RefreshBench}): us-east-1 list
 * prices as the project's docs state them ({@value #PRICES_AS_OF}). X's own charges for its API are excluded, and
 * so are the log lines, the idle polls of the queues' mappings and the archive function's reading of the
 * refresh's stream records (docs/refresh.md, "The stream"). Counted per account:
 * <ul>
 *   <li>Lambda (the worker: arm64, {@value #WORKER_MEMORY_GB} GB, as template.yaml's {@code RefreshWorkerFunction}):
 *       one request per batch, and each batch's measured duration, rounded up to the millisecond, as GB-seconds;
 *   <li>SQS: the planner's {@code SendMessageBatch} of 10, the mapping's receive (10 messages at most) and
 *       {@code DeleteMessageBatch} of 10, and the worker's own sends of 10 (to the browser's queue, or again later);
 *   <li>DynamoDB on demand: the planner's mark (one write), the verdict's writes (the check: one; a changed picture:
 *       the check that fails its condition, still billed, and the save; an account's state: one), the pause's
 *       consistent read once a batch, and the planner's scan (docs/refresh.md's arithmetic: an hourly run reads
 *       10 M items of ~150 bytes eventually consistently, some 183 k read units, 24 runs per 10 M refreshes).
 * </ul>
 */
record RefreshCost(Map<String, Double> parts) {

    static final double MAX_DOLLARS_PER_MILLION = 2.0;
    static final String PRICES_AS_OF =
            "Lambda and SQS as docs/monitoring.md (December 2026), DynamoDB as docs/refresh.md (November 2024)";
    static final double WORKER_MEMORY_GB = 1.0;

    private static final double LAMBDA_GB_SECOND_ARM64 = 0.0000133334;
    private static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    private static final double SQS_PER_REQUEST = 0.40 / 1e6;
    private static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
    private static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
    private static final double PLANNER_SCAN_READ_UNITS_PER_ACCOUNT = 24 * 183_000 / 10e6;
    private static final double MILLION = 1e6;

    static RefreshCost of(
            int batchSize, int accounts, List<Double> batchMs, Map<RefreshBatch.Outcome, Integer> outcomes) {
        double billedSeconds = batchMs.stream().mapToDouble(Math::ceil).sum() / 1000;
        int sentOn =
                count(outcomes, RefreshBatch.Outcome.NEEDS_BROWSER) + count(outcomes, RefreshBatch.Outcome.RETRY_LATER);
        double writes = accounts // the planner's marks
                + count(outcomes, RefreshBatch.Outcome.UNCHANGED)
                + 2.0 * count(outcomes, RefreshBatch.Outcome.REFRESHED)
                + count(outcomes, RefreshBatch.Outcome.NOT_FOUND)
                + count(outcomes, RefreshBatch.Outcome.SUSPENDED);
        double sqsRequests = accounts / 10.0 // the planner's sends
                + Math.ceil(batchSize / 10.0) * batchMs.size() // the mapping's receives
                + accounts / 10.0 // its deletes
                + sentOn / 10.0;
        double perMillion = MILLION / accounts;
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("Lambda requests", batchMs.size() * LAMBDA_PER_REQUEST * perMillion);
        parts.put("Lambda GB-s", billedSeconds * WORKER_MEMORY_GB * LAMBDA_GB_SECOND_ARM64 * perMillion);
        parts.put("SQS requests", sqsRequests * SQS_PER_REQUEST * perMillion);
        parts.put("DynamoDB writes", writes * DYNAMODB_PER_WRITE_UNIT * perMillion);
        parts.put(
                "DynamoDB reads",
                (batchMs.size() + PLANNER_SCAN_READ_UNITS_PER_ACCOUNT * accounts)
                        * DYNAMODB_PER_READ_UNIT
                        * perMillion);
        return new RefreshCost(parts);
    }

    double total() {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static int count(Map<RefreshBatch.Outcome, Integer> outcomes, RefreshBatch.Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
