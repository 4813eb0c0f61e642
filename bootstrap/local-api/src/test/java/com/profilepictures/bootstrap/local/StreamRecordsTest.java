package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** The local event source mapping hands a function what DynamoDB would have streamed, not moto's extras. */
class StreamRecordsTest {

    private static final Map<String, AttributeValue> KEY = Map.of("handle_key", AttributeValue.fromS("jack"));
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "handle_key", AttributeValue.fromS("jack"),
            "handle", AttributeValue.fromS("Jack"),
            "scraped_at", AttributeValue.fromN("1"));

    @Test
    void motosKeyOnlyInsertBeforeTheWholeItemIsLeftOut_everythingElseKeptInOrder() {
        Record keyOnly = record("1", OperationType.INSERT, null, KEY);
        Record insert = record("2", OperationType.INSERT, null, ITEM);
        Record modify = record("3", OperationType.MODIFY, ITEM, ITEM);
        Record removal = record("4", OperationType.REMOVE, ITEM, null);

        List<Record> delivered = StreamRecords.asDynamoDbStreamsThem(List.of(keyOnly, insert, modify, removal));

        assertEquals(List.of(insert, modify, removal), delivered);
    }

    private static Record record(
            String sequenceNumber,
            OperationType type,
            Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        StreamRecord.Builder change =
                StreamRecord.builder().sequenceNumber(sequenceNumber).keys(KEY);
        if (before != null) {
            change.oldImage(before);
        }
        if (after != null) {
            change.newImage(after);
        }
        return Record.builder().eventName(type).dynamodb(change.build()).build();
    }
}
