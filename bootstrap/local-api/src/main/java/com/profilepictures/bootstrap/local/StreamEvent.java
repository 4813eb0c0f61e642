package com.profilepictures.bootstrap.local;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One DynamoDB stream event of one function, as Lambda's event source mapping reads it: the records of
 * {@code tableId}'s stream go to {@code entryClass::entryMethod} in batches of at most {@code batchSize};
 * a failed batch is retried at most {@code maximumRetryAttempts} times ({@code -1}: until the records
 * expire), split in two on a function error when {@code bisectBatchOnFunctionError}, and from the first
 * failure the function reports when {@code reportBatchItemFailures}; a batch given up on is told of to the queue
 * {@code onFailureQueueId} names, when the event has an {@code OnFailure} destination.
 */
public record StreamEvent(
        String functionId,
        String tableId,
        String entryClass,
        String entryMethod,
        String startingPosition,
        int batchSize,
        int maximumRetryAttempts,
        boolean bisectBatchOnFunctionError,
        boolean reportBatchItemFailures,
        Optional<String> onFailureQueueId) {

    /** Lambda's default batch size for a DynamoDB stream. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    public StreamEvent {
        Objects.requireNonNull(onFailureQueueId, "onFailureQueueId");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException(functionId + "'s stream BatchSize must be 1 to 10000: " + batchSize);
        }
        if (maximumRetryAttempts < -1) {
            throw new IllegalArgumentException(
                    functionId + "'s stream MaximumRetryAttempts must be -1 or more: " + maximumRetryAttempts);
        }
    }

    /** The event {@code name} of function {@code functionId}, whose entry is {@code handler}, as the template writes it. */
    static StreamEvent from(String functionId, String name, String handler, Map<String, Object> stream) {
        String[] parts = handler.split("::", 2);
        Object responseTypes = stream.getOrDefault("FunctionResponseTypes", List.of());
        return new StreamEvent(
                functionId,
                streamTable(functionId + "." + name, stream.get("Stream")),
                parts[0],
                parts.length == 2 ? parts[1] : "handleRequest",
                String.valueOf(stream.getOrDefault("StartingPosition", "LATEST")),
                integer(stream.get("BatchSize"), DEFAULT_BATCH_SIZE),
                integer(stream.get("MaximumRetryAttempts"), -1),
                Boolean.parseBoolean(String.valueOf(stream.getOrDefault("BisectBatchOnFunctionError", "false"))),
                responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                onFailureQueue(stream.get("DestinationConfig")));
    }

    // DestinationConfig: {OnFailure: {Type: SQS, Destination: !GetAtt Queue.Arn}}; !GetAtt reads as "Queue.Arn".
    private static Optional<String> onFailureQueue(Object destinations) {
        if (destinations instanceof Map<?, ?> config
                && config.get("OnFailure") instanceof Map<?, ?> onFailure
                && onFailure.get("Destination") instanceof String arn
                && arn.endsWith(".Arn")) {
            return Optional.of(arn.substring(0, arn.length() - ".Arn".length()));
        }
        return Optional.empty();
    }

    // !GetAtt Table.StreamArn reads as "Table.StreamArn"; Fn::GetAtt: [Table, StreamArn] as a map of a list.
    private static String streamTable(String event, Object stream) {
        if (stream instanceof String attribute && attribute.endsWith(".StreamArn")) {
            return attribute.substring(0, attribute.length() - ".StreamArn".length());
        }
        if (stream instanceof Map<?, ?> function
                && function.get("Fn::GetAtt") instanceof List<?> attribute
                && attribute.size() == 2
                && "StreamArn".equals(attribute.get(1))) {
            return String.valueOf(attribute.get(0));
        }
        throw new IllegalArgumentException(event + "'s Stream is not a table's StreamArn: " + stream);
    }

    private static int integer(Object value, int absent) {
        return value == null ? absent : Integer.parseInt(String.valueOf(value));
    }
}
