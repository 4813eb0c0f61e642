package com.profilepictures.bootstrap.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What Lambda sends to a DynamoDB stream mapping's {@code OnFailure} destination when it gives up on a batch: an
 * invocation record naming the shard and the range of sequence numbers, never the records themselves (AWS Lambda's
 * developer guide, "Retain discarded records for a DynamoDB event source": {@code requestContext},
 * {@code responseContext}, {@code version}, {@code timestamp} and {@code DDBStreamBatchInfo}).
 */
final class OnFailureRecord {

    private OnFailureRecord() {}

    /**
     * The record for {@code failing} (in stream order), read from {@code shardId} of {@code streamArn}, given up on
     * after {@code invocations} invocations, the last of them {@code requestId}, which failed with a function error
     * or by reporting a failed record.
     */
    static String of(
            String functionArn,
            String streamArn,
            String shardId,
            List<Record> failing,
            String requestId,
            int invocations,
            boolean functionError,
            Instant now) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", requestId);
        request.put("functionArn", functionArn);
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", invocations);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (functionError) {
            response.put("functionError", "Unhandled");
        }
        Record first = failing.get(0);
        Record last = failing.get(failing.size() - 1);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", first.dynamodb().sequenceNumber());
        batch.put("endSequenceNumber", last.dynamodb().sequenceNumber());
        batch.put("approximateArrivalOfFirstRecord", arrival(first, now));
        batch.put("approximateArrivalOfLastRecord", arrival(last, now));
        batch.put("batchSize", failing.size());
        batch.put("streamArn", streamArn);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestContext", request);
        record.put("responseContext", response);
        record.put("version", "1.0");
        record.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("DDBStreamBatchInfo", batch);
        return json(record);
    }

    // Seconds, as Lambda writes them ("2019-11-14T00:13:19Z").
    private static String arrival(Record record, Instant fallback) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return (created == null ? fallback : created)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((name, member) -> out.append(out.length() > 1 ? "," : "")
                    .append(json(String.valueOf(name)))
                    .append(':')
                    .append(json(member)));
            return out.append('}').toString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
