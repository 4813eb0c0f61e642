package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * How Lambda's event source mapping hands one batch read from a shard to the function, and retries what fails:
 * <ul>
 *   <li>a partial batch response ({@code ReportBatchItemFailures}) checkpoints the records before the
 *       first failure it reports and retries from that one; an identifier that names no record of the batch
 *       fails the whole batch;
 *   <li>a function error (an exception) retries the batch, split in two first when
 *       {@code BisectBatchOnFunctionError} (splitting costs no retry);
 *   <li>after {@code MaximumRetryAttempts} retries ({@code -1}: no limit) the records still failing are
 *       logged and skipped, and the shard moves on; with an {@code OnFailure} destination, the shard and the
 *       range of sequence numbers skipped are sent there first, as Lambda's invocation record
 *       ({@link OnFailureRecord}).
 * </ul>
 */
final class BatchDelivery {

    /** Where a batch given up on is told of: the mapping's {@code OnFailure} destination, or nowhere. */
    @FunctionalInterface
    interface OnFailure {
        void send(String invocationRecord);

        OnFailure NONE = invocationRecord -> {};
    }

    private final StreamEvent source;
    private final OnFailure onFailure;
    private final StreamPoller.Function function;
    private final String streamArn;
    private final StreamPoller.Timing timing;
    private final System.Logger log;
    private final BooleanSupplier running;
    private final Predicate<Duration> pause;
    private final AtomicLong invocations = new AtomicLong();

    /** {@code pause} waits a while, false once the poller stops; {@code running} says whether it still runs. */
    BatchDelivery(
            StreamEvent source,
            StreamPoller.Function function,
            String streamArn,
            StreamPoller.Timing timing,
            System.Logger log,
            BooleanSupplier running,
            Predicate<Duration> pause,
            OnFailure onFailure) {
        this.source = source;
        this.onFailure = onFailure;
        this.function = function;
        this.streamArn = streamArn;
        this.timing = timing;
        this.log = log;
        this.running = running;
        this.pause = pause;
    }

    long invocations() {
        return invocations.get();
    }

    private record Pending(List<Record> records, int retries) {}

    /**
     * Delivers one batch, retrying what fails as the mapping's settings say; returns once done with it. Records
     * DynamoDB would not have streamed (moto's, {@link StreamRecords#asDynamoDbStreamsThem}) are left out, and
     * a batch left empty invokes nothing, as Lambda invokes no function with an empty batch.
     */
    void deliver(String shardId, List<Record> read) {
        List<Record> batch = StreamRecords.asDynamoDbStreamsThem(read);
        if (batch.isEmpty()) {
            return;
        }
        Deque<Pending> pending = new ArrayDeque<>();
        pending.add(new Pending(batch, 0));
        Duration delay = timing.firstRetryDelay();
        while (!pending.isEmpty() && running.getAsBoolean()) {
            Pending next = pending.removeFirst();
            Outcome outcome = invoke(next.records());
            if (outcome.failedFrom() < 0) {
                delay = timing.firstRetryDelay();
                continue;
            }
            List<Record> failing =
                    next.records().subList(outcome.failedFrom(), next.records().size());
            if (outcome.functionError() && source.bisectBatchOnFunctionError() && failing.size() > 1) {
                // Splitting costs no retry: each half is tried again as it is.
                int half = failing.size() / 2;
                pending.addFirst(new Pending(failing.subList(half, failing.size()), next.retries()));
                pending.addFirst(new Pending(failing.subList(0, half), next.retries()));
                continue;
            }
            if (source.maximumRetryAttempts() >= 0 && next.retries() >= source.maximumRetryAttempts()) {
                log.log(
                        Level.ERROR,
                        source.functionId() + "'s stream gave up on " + failing.size() + " record(s) after "
                                + next.retries() + " retries (" + outcome.why() + "); skipping sequence numbers "
                                + sequenceNumbers(failing));
                tellTheDestination(shardId, failing, outcome, next.retries() + 1);
                delay = timing.firstRetryDelay();
                continue;
            }
            pending.addFirst(new Pending(failing, next.retries() + 1));
            if (!pause.test(delay)) {
                return;
            }
            delay = StreamPoller.longer(delay, timing);
        }
    }

    // A destination that cannot be told is logged: the records were skipped all the same, as Lambda skips them.
    private void tellTheDestination(String shardId, List<Record> failing, Outcome outcome, int invocations) {
        try {
            onFailure.send(OnFailureRecord.of(
                    "arn:aws:lambda:local:000000000000:function:" + source.functionId(),
                    streamArn,
                    shardId,
                    failing,
                    outcome.requestId(),
                    invocations,
                    outcome.functionError(),
                    Instant.now()));
        } catch (RuntimeException e) {
            log.log(Level.ERROR, source.functionId() + "'s OnFailure destination could not be told: " + e);
        }
    }

    /** What one invocation made of a batch: all done ({@code failedFrom} -1), or failed from one record on. */
    private record Outcome(int failedFrom, boolean functionError, String why, String requestId) {
        static final Outcome DONE = new Outcome(-1, false, "", "");
    }

    private Outcome invoke(List<Record> records) {
        String requestId = UUID.randomUUID().toString();
        invocations.incrementAndGet();
        StreamsEventResponse response;
        try {
            DynamodbEvent event = StreamRecords.event(records, streamArn);
            response = function.invoke(event, requestId);
        } catch (RuntimeException | LinkageError e) {
            String message = source.functionId() + " failed on " + records.size() + " record(s) (request " + requestId
                    + "): " + e;
            if (e instanceof IllegalStateException) {
                log.log(Level.WARNING, message);
            } else {
                log.log(Level.WARNING, message, e);
            }
            return new Outcome(0, true, "function error " + e.getClass().getSimpleName(), requestId);
        }
        if (!source.reportBatchItemFailures()
                || response == null
                || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return Outcome.DONE;
        }
        // Lambda retries from the lowest sequence number reported; one it cannot place fails the whole batch.
        int first = records.size();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            int index = indexOf(records, failure == null ? null : failure.getItemIdentifier());
            if (index < 0) {
                return new Outcome(
                        0,
                        false,
                        "a reported failure names no record of the batch: "
                                + (failure == null ? null : failure.getItemIdentifier()),
                        requestId);
            }
            first = Math.min(first, index);
        }
        return new Outcome(
                first,
                false,
                "the function reported record " + records.get(first).dynamodb().sequenceNumber() + " failed",
                requestId);
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isBlank()) {
            return -1;
        }
        for (int i = 0; i < records.size(); i++) {
            if (sequenceNumber.equals(records.get(i).dynamodb().sequenceNumber())) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> sequenceNumbers(List<Record> records) {
        return records.stream()
                .map(record -> record.dynamodb().sequenceNumber())
                .toList();
    }
}
