package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A DynamoDB stream record as the SDK reads it, turned into the record Lambda hands a function in a
 * {@link DynamodbEvent}: every field Lambda sends, absent where Lambda leaves it out (no {@code NewImage}
 * for a removal, no {@code OldImage} for an insertion), so that a handler cannot tell the local API's
 * delivery from Lambda's.
 */
final class StreamRecords {

    private StreamRecords() {}

    /**
     * The records DynamoDB would have streamed for the same writes. moto streams an UpdateItem that creates an
     * item as two INSERTs, the first of the key alone, where DynamoDB streams one, of the whole item; the
     * key-only half is dropped here, so that a function sees locally what it sees deployed and no function has
     * to know moto. (An item that really holds nothing but its key is dropped too: no table here has one.)
     */
    static List<Record> asDynamoDbStreamsThem(List<Record> records) {
        return records.stream().filter(record -> !isMotosHalfWrite(record)).toList();
    }

    private static boolean isMotosHalfWrite(Record record) {
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = record.dynamodb();
        return "INSERT".equals(record.eventNameAsString())
                && change != null
                && change.hasKeys()
                && change.hasNewImage()
                && change.newImage().keySet().equals(change.keys().keySet());
    }

    static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> mapped = new ArrayList<>(records.size());
        records.forEach(record -> mapped.add(record(record, streamArn)));
        event.setRecords(mapped);
        return event;
    }

    static DynamodbEvent.DynamodbStreamRecord record(Record sdk, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(sdk.eventID());
        record.setEventName(sdk.eventNameAsString());
        record.setEventVersion(sdk.eventVersion());
        record.setEventSource(sdk.eventSource());
        record.setAwsRegion(sdk.awsRegion());
        record.setEventSourceARN(streamArn);
        if (sdk.userIdentity() != null) {
            // Set on the removals DynamoDB's time to live makes.
            record.setUserIdentity(new Identity()
                    .withPrincipalId(sdk.userIdentity().principalId())
                    .withType(sdk.userIdentity().type()));
        }
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = sdk.dynamodb();
        if (change != null) {
            StreamRecord mapped = new StreamRecord();
            if (change.approximateCreationDateTime() != null) {
                mapped.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
            }
            mapped.setKeys(change.hasKeys() ? image(change.keys()) : null);
            mapped.setNewImage(change.hasNewImage() ? image(change.newImage()) : null);
            mapped.setOldImage(change.hasOldImage() ? image(change.oldImage()) : null);
            mapped.setSequenceNumber(change.sequenceNumber());
            mapped.setSizeBytes(change.sizeBytes());
            if (change.streamViewTypeAsString() != null) {
                mapped.setStreamViewType(StreamViewType.fromValue(change.streamViewTypeAsString()));
            }
            record.setDynamodb(mapped);
        }
        return record;
    }

    static Map<String, AttributeValue> image(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> mapped = new LinkedHashMap<>();
        image.forEach((name, value) -> mapped.put(name, value(value)));
        return mapped;
    }

    static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue mapped = new AttributeValue();
        switch (value.type()) {
            case S -> mapped.setS(value.s());
            case N -> mapped.setN(value.n());
            case B -> mapped.setB(bytes(value.b()));
            case SS -> mapped.setSS(value.ss());
            case NS -> mapped.setNS(value.ns());
            case BS ->
                mapped.setBS(value.bs().stream().map(StreamRecords::bytes).toList());
            case M -> mapped.setM(image(value.m()));
            case L -> mapped.setL(value.l().stream().map(StreamRecords::value).toList());
            case BOOL -> mapped.setBOOL(value.bool());
            case NUL -> mapped.setNULL(value.nul());
            default ->
                throw new IllegalArgumentException("A stream record holds an attribute of unknown type: " + value);
        }
        return mapped;
    }

    private static ByteBuffer bytes(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray());
    }
}
