package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for one function's DynamoDB stream event, for the local API:
 * one background thread reads the table's stream through the DynamoDB Streams API, from its oldest record
 * on ({@code TRIM_HORIZON}: a local table is new when the local API starts, so nothing written before this
 * starts is missed), and hands the records to the function in order, in batches of at most
 * {@code BatchSize}, as {@link DynamodbEvent}s, retrying a failed batch as Lambda does ({@link BatchDelivery}).
 * A batch is done before the next is read, so a shard's records are handled in order. Every wait is
 * bounded and wakes at once on {@link #close()}.
 */
final class StreamPoller implements AutoCloseable {

    /** The function the mapping invokes; an exception is a function error. */
    @FunctionalInterface
    interface Function {
        StreamsEventResponse invoke(DynamodbEvent event, String requestId);
    }

    /** How long the poller waits: between empty reads, and before the first and the longest retries. */
    record Timing(Duration pollInterval, Duration firstRetryDelay, Duration maxRetryDelay) {
        /** About Lambda's own pace: it reads a shard four times a second and backs off failing batches. */
        static final Timing LAMBDA = new Timing(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(4));

        Timing {
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
            Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        }
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StreamEvent source;
    private final System.Logger log;
    private final Timing timing;
    private final BatchDelivery delivery;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    // Per shard, in the order the stream lists them (parents before children): the last record handled.
    private final Map<String, String> checkpoints = new LinkedHashMap<>();
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final java.util.Set<String> finishedShards = new java.util.HashSet<>();
    private boolean shardClosed;
    private String lastProblem;

    private StreamPoller(
            DynamoDbStreamsClient streams,
            String streamArn,
            StreamEvent source,
            Function function,
            System.Logger log,
            Timing timing,
            BatchDelivery.OnFailure onFailure) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.source = source;
        this.log = log;
        this.timing = timing;
        this.delivery =
                new BatchDelivery(source, function, streamArn, timing, log, this::running, this::pause, onFailure);
        this.thread = new Thread(this::run, "stream-" + source.functionId());
        this.thread.setDaemon(true);
    }

    /**
     * Starts feeding {@code tableName}'s stream to {@code function} as {@code source} says, telling {@code onFailure}
     * of each batch given up on; throws {@code IllegalStateException} when the table has no stream.
     */
    static StreamPoller start(
            DynamoDbStreamsClient streams,
            String tableName,
            StreamEvent source,
            Function function,
            System.Logger log,
            Timing timing,
            BatchDelivery.OnFailure onFailure) {
        String streamArn;
        try {
            streamArn = streams.listStreams(request -> request.tableName(tableName)).streams().stream()
                    .map(stream -> stream.streamArn())
                    .reduce((first, second) -> second) // the newest, should the stream have been re-enabled
                    .orElseThrow(() -> new IllegalStateException("Table " + tableName + " has no stream, which "
                            + source.functionId() + " reads; it must be created with one."));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "Could not find the stream of table " + tableName + ": " + e.getMessage(), e);
        }
        StreamPoller poller = new StreamPoller(streams, streamArn, source, function, log, timing, onFailure);
        poller.thread.start();
        return poller;
    }

    String streamArn() {
        return streamArn;
    }

    /** Whether the poller's thread still runs. */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** How many times the function was invoked so far. */
    long invocations() {
        return delivery.invocations();
    }

    /** Stops reading and waits, a bounded time, for the batch in hand to end. */
    @Override
    public void close() {
        stopped.countDown();
        thread.interrupt();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.log(Level.WARNING, this + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }

    @Override
    public String toString() {
        return "the stream of " + source.tableId() + " feeding " + source.functionId();
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    /** Waits {@code duration}, or less if closed meanwhile; false once closed. */
    private boolean pause(Duration duration) {
        try {
            return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void run() {
        Duration errorDelay = timing.firstRetryDelay();
        while (running()) {
            try {
                boolean read = pollOnce();
                if (lastProblem != null) {
                    log.log(Level.INFO, this + ": reading the stream again");
                    lastProblem = null;
                }
                errorDelay = timing.firstRetryDelay();
                if (!read && !pause(timing.pollInterval())) {
                    return;
                }
            } catch (SdkException | IllegalStateException e) {
                if (!running()) {
                    return;
                }
                // Iterators are re-made from the checkpoints after any failure (an expired one among them).
                iterators.clear();
                String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!problem.equals(lastProblem)) {
                    log.log(Level.WARNING, this + ": cannot read the stream, retrying: " + problem);
                    lastProblem = problem;
                }
                if (!pause(errorDelay)) {
                    return;
                }
                errorDelay = longer(errorDelay, timing);
            }
        }
    }

    /** Reads one batch from each shard that has records and delivers it; false when no shard had any. */
    private boolean pollOnce() {
        if (iterators.isEmpty() || shardClosed) {
            // A closed shard may have children, which only a new description of the stream shows; the open
            // shards' iterators are made again from their checkpoints.
            iterators.clear();
            shardClosed = false;
            openIterators();
        }
        boolean read = false;
        for (String shard : new ArrayList<>(iterators.keySet())) {
            if (!running()) {
                return read;
            }
            String iterator = iterators.get(shard);
            GetRecordsResponse response = streams.getRecords(
                    request -> request.shardIterator(iterator).limit(source.batchSize()));
            if (response.nextShardIterator() == null) {
                iterators.remove(shard);
                finishedShards.add(shard);
                shardClosed = true;
            } else {
                iterators.put(shard, response.nextShardIterator());
            }
            if (!response.records().isEmpty()) {
                read = true;
                delivery.deliver(shard, response.records());
                checkpoints.put(
                        shard,
                        response.records()
                                .get(response.records().size() - 1)
                                .dynamodb()
                                .sequenceNumber());
            }
        }
        return read;
    }

    /** An iterator for every open shard: after its checkpoint, or from its oldest record. */
    private void openIterators() {
        StreamDescription description =
                streams.describeStream(request -> request.streamArn(streamArn)).streamDescription();
        for (Shard shard : description.shards()) {
            String id = shard.shardId();
            if (finishedShards.contains(id)) {
                continue;
            }
            String checkpoint = checkpoints.get(id);
            String iterator = streams.getShardIterator(request -> {
                        request.streamArn(streamArn).shardId(id);
                        if (checkpoint == null) {
                            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                        } else {
                            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                    .sequenceNumber(checkpoint);
                        }
                    })
                    .shardIterator();
            if (iterator != null) {
                iterators.put(id, iterator);
            }
        }
    }

    static Duration longer(Duration delay, Timing timing) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(timing.maxRetryDelay()) > 0 ? timing.maxRetryDelay() : doubled;
    }
}
