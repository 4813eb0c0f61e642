package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local event source mapping against a real stream (moto's): what reaches the function, in which
 * batches, and what is delivered again after a partial failure or a function error. The function here is a
 * recorder, so the mapping is tested apart from the archive function.
 */
@ExtendWith(SharedDynamoDbServer.class)
class StreamPollerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final StreamPoller.Timing QUICK =
            new StreamPoller.Timing(Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(100));

    private final RecordingLogger log = new RecordingLogger();
    private final List<List<DynamodbEvent.DynamodbStreamRecord>> batches = new CopyOnWriteArrayList<>();
    private String table;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private StreamPoller poller;

    @BeforeEach
    void createTableWithStream(DynamoDbServer server) {
        table = DynamoDbServer.uniqueTableName("stream");
        dynamoDb = DynamoDbClients.create(server.settings(table));
        dynamoDb.createTable(request -> request.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        definition -> definition.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(stream -> stream.streamEnabled(true)
                        .streamViewType(
                                software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table));
        streams = DynamoDbClients.createStreams(server.settings(table));
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        streams.close();
        dynamoDb.close();
    }

    @Test
    void deliversEveryChangeInOrderInBatchesOfAtMostBatchSizeAsLambdaShapesThem() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            put(id, 1);
        }
        put("a", 2);
        dynamoDb.deleteItem(request -> request.tableName(table).key(Map.of("id", AttributeValue.fromS("b"))));

        poller = start(mapping(3, -1, false, true), recorder(record -> false));
        awaitRecords(7);

        assertTrue(
                batches.stream().allMatch(batch -> !batch.isEmpty() && batch.size() <= 3), "batch sizes: " + sizes());
        List<DynamodbEvent.DynamodbStreamRecord> records = delivered();
        assertEquals(
                List.of("INSERT", "INSERT", "INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE"),
                records.stream()
                        .map(DynamodbEvent.DynamodbStreamRecord::getEventName)
                        .toList());
        for (int i = 1; i < records.size(); i++) {
            assertTrue(sequence(records.get(i - 1)).compareTo(sequence(records.get(i))) < 0, "in stream order");
        }
        var inserted = records.get(0);
        assertEquals("aws:dynamodb", inserted.getEventSource());
        assertEquals(poller.streamArn(), inserted.getEventSourceARN());
        assertNotNull(inserted.getEventID());
        assertEquals(
                StreamViewType.NEW_AND_OLD_IMAGES.toString(),
                inserted.getDynamodb().getStreamViewType());
        assertEquals("a", inserted.getDynamodb().getKeys().get("id").getS());
        assertEquals("1", inserted.getDynamodb().getNewImage().get("version").getN());
        assertEquals(
                List.of("x", "y"),
                inserted.getDynamodb().getNewImage().get("tags").getL().stream()
                        .map(value -> value.getS())
                        .toList());
        assertNull(inserted.getDynamodb().getOldImage(), "an insertion has no old image");
        var modified = records.get(5);
        assertEquals("1", modified.getDynamodb().getOldImage().get("version").getN());
        assertEquals("2", modified.getDynamodb().getNewImage().get("version").getN());
        var removed = records.get(6);
        assertEquals("b", removed.getDynamodb().getKeys().get("id").getS());
        assertNull(removed.getDynamodb().getNewImage(), "a removal has no new image");
        assertEquals("b", removed.getDynamodb().getOldImage().get("id").getS());
    }

    @Test
    void aPartialBatchResponseIsRetriedFromTheFirstFailureItReportsAndNoEarlier() {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        for (String id : List.of("a", "b", "c", "d")) {
            put(id, 1);
        }

        poller =
                start(mapping(10, 3, false, true), recorder(record -> id(record).equals("c") && failedOnce.add("c")));
        awaitRecords(6);

        assertEquals(List.of("a", "b", "c", "d", "c", "d"), ids(delivered()), "batches: " + sizes());
        assertEquals(2, poller.invocations());
    }

    @Test
    void aFunctionErrorIsBisectedUntilTheBadRecordIsAloneWhichIsSkippedAfterTheRetries() {
        for (String id : List.of("a", "b", "c", "d")) {
            put(id, 1);
        }
        List<String> succeeded = new CopyOnWriteArrayList<>();
        List<String> attemptedC = new CopyOnWriteArrayList<>();
        poller = start(mapping(10, 2, true, true), (event, requestId) -> {
            List<String> ids =
                    event.getRecords().stream().map(StreamPollerTest::id).toList();
            if (ids.contains("c")) {
                attemptedC.add(String.join(",", ids));
                throw new IllegalStateException("cannot handle c");
            }
            succeeded.addAll(ids);
            return StreamsEventResponse.builder()
                    .withBatchItemFailures(List.of())
                    .build();
        });
        await(() -> log().contains("gave up"), "the poller gives up on c");
        put("e", 1);
        await(() -> succeeded.contains("e"), "the next record is delivered");

        assertEquals(List.of("a", "b", "d", "e"), succeeded, "every other record once, in order");
        // The whole batch, its half with c, then c alone: first try and two retries.
        assertEquals(List.of("a,b,c,d", "c,d", "c", "c", "c"), attemptedC);
        assertEquals(8, poller.invocations());
    }

    @Test
    void aRecordThatKeepsFailingIsLoggedAndSkippedAfterMaximumRetryAttempts() {
        for (String id : List.of("a", "b", "c")) {
            put(id, 1);
        }

        poller =
                start(mapping(10, 1, false, true), recorder(record -> id(record).equals("b")));
        await(() -> log().contains("gave up"), "the poller gives up on b");
        put("d", 1);
        awaitRecords(6);

        assertEquals(List.of("a", "b", "c", "b", "c", "d"), ids(delivered()));
        String sequenceOfB = delivered().get(1).getDynamodb().getSequenceNumber();
        assertTrue(
                log.lines().stream().anyMatch(line -> line.startsWith("ERROR ") && line.contains(sequenceOfB)), log());
        assertEquals(3, poller.invocations());
    }

    @Test
    void aBatchGivenUpOnIsToldToTheOnFailureDestinationAsLambdasInvocationRecord_shardAndRangeOnly() {
        for (String id : List.of("a", "b", "c")) {
            put(id, 1);
        }
        List<String> told = new CopyOnWriteArrayList<>();

        poller = StreamPoller.start(
                streams,
                table,
                mapping(10, 1, false, true),
                recorder(record -> id(record).equals("b")),
                log,
                QUICK,
                told::add);
        await(() -> !told.isEmpty(), "the destination is told");
        put("d", 1);
        awaitRecords(6);

        assertEquals(1, told.size(), String.valueOf(told));
        var record = com.google.gson.JsonParser.parseString(told.get(0)).getAsJsonObject();
        var request = record.getAsJsonObject("requestContext");
        var batch = record.getAsJsonObject("DDBStreamBatchInfo");
        assertEquals("RetryAttemptsExhausted", request.get("condition").getAsString());
        assertEquals(2, request.get("approximateInvokeCount").getAsInt(), "the first try and one retry");
        assertTrue(request.get("functionArn").getAsString().endsWith(":function:TestFunction"));
        assertFalse(record.getAsJsonObject("responseContext").has("functionError"), "it reported b, it did not fail");
        assertEquals("1.0", record.get("version").getAsString());
        assertEquals(
                delivered().get(1).getDynamodb().getSequenceNumber(),
                batch.get("startSequenceNumber").getAsString());
        assertEquals(
                delivered().get(2).getDynamodb().getSequenceNumber(),
                batch.get("endSequenceNumber").getAsString());
        assertEquals(2, batch.get("batchSize").getAsInt(), "b and c, the records skipped");
        assertEquals(poller.streamArn(), batch.get("streamArn").getAsString());
        assertFalse(batch.get("shardId").getAsString().isBlank());
        assertTrue(batch.has("approximateArrivalOfFirstRecord") && batch.has("approximateArrivalOfLastRecord"));
        assertFalse(told.get(0).contains("tags"), "no record's content travels: " + told.get(0));
    }

    @Test
    void withoutReportBatchItemFailuresTheResponseIsIgnoredAsLambdaIgnoresIt() {
        put("a", 1);
        put("b", 1);

        poller = start(mapping(10, 5, false, false), recorder(record -> true));
        awaitRecords(2);
        put("c", 1);
        awaitRecords(3);

        assertEquals(List.of("a", "b", "c"), ids(delivered()));
    }

    @Test
    void closingStopsTheThreadAndNothingIsDeliveredAfterwards() {
        poller = start(mapping(10, -1, false, true), recorder(record -> false));
        put("a", 1);
        awaitRecords(1);

        poller.close();
        assertFalse(poller.isRunning(), "the thread has ended");
        put("b", 1);

        assertEquals(1, poller.invocations());
    }

    private StreamPoller start(StreamEvent mapping, StreamPoller.Function function) {
        return StreamPoller.start(streams, table, mapping, function, log, QUICK, BatchDelivery.OnFailure.NONE);
    }

    private static StreamEvent mapping(int batchSize, int retries, boolean bisect, boolean reportFailures) {
        return new StreamEvent(
                "TestFunction",
                "TestTable",
                "unused.Entry",
                "handleRequest",
                "TRIM_HORIZON",
                batchSize,
                retries,
                bisect,
                reportFailures,
                Optional.empty());
    }

    /** Records each batch; reports the first record {@code fails} picks, and every later one, as failed. */
    private StreamPoller.Function recorder(Predicate<DynamodbEvent.DynamodbStreamRecord> fails) {
        return (event, requestId) -> {
            batches.add(List.copyOf(event.getRecords()));
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var record : event.getRecords()) {
                if (!failures.isEmpty() || fails.test(record)) {
                    failures.add(StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber())
                            .build());
                }
            }
            return StreamsEventResponse.builder()
                    .withBatchItemFailures(failures)
                    .build();
        };
    }

    private void put(String id, int version) {
        dynamoDb.putItem(request -> request.tableName(table)
                .item(Map.of(
                        "id",
                        AttributeValue.fromS(id),
                        "version",
                        AttributeValue.fromN(Integer.toString(version)),
                        "tags",
                        AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromS("y"))))));
    }

    private List<DynamodbEvent.DynamodbStreamRecord> delivered() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private List<Integer> sizes() {
        return batches.stream().map(List::size).toList();
    }

    private static List<String> ids(List<DynamodbEvent.DynamodbStreamRecord> records) {
        return records.stream().map(StreamPollerTest::id).toList();
    }

    private static String id(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getKeys().get("id").getS();
    }

    private static BigInteger sequence(DynamodbEvent.DynamodbStreamRecord record) {
        return new BigInteger(record.getDynamodb().getSequenceNumber());
    }

    private String log() {
        return log.toString();
    }

    private void awaitRecords(int count) {
        await(() -> delivered().size() >= count, count + " records delivered");
    }

    /** Waits for {@code condition}, checking as the recorder changes; fails after {@link #WAIT}. */
    private void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + WAIT.toSeconds() + " s: " + what + "; batches " + sizes() + ", log:\n" + log());
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(10).toNanos());
        }
    }
}
