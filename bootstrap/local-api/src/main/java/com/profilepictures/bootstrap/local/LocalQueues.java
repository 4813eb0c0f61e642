package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One SQS event source mapping under {@code make run}, read as Lambda's poller reads a queue: up to
 * {@code BatchSize} messages gathered within {@code MaximumBatchingWindowInSeconds}, the function invoked with
 * them, every message it does not name in its partial batch response deleted, the ones it names left for the
 * queue to deliver again after their visibility timeout and, after {@code maxReceiveCount}, to dead-letter
 * (moto's redrive, as SQS's). A function that throws leaves the whole batch. Moto serves one request at a time,
 * so a poll never waits on the server ({@code WaitTimeSeconds=0}); an empty poll backs off instead.
 */
final class LocalQueues implements AutoCloseable {

    /** The function a batch is handed to: Lambda's invocation. */
    @FunctionalInterface
    interface Function {
        SQSBatchResponse invoke(SQSEvent event, String requestId);
    }

    /** A mapping's settings, as the template writes them. */
    record Mapping(String functionId, String queueUrl, int batchSize, Duration batchingWindow) {}

    static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(2);
    /** The most SQS hands over in one receive. */
    private static final int MAX_RECEIVE = 10;

    private final SqsClient client;
    private final Mapping mapping;
    private final Function function;
    private final System.Logger log;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    private LocalQueues(SqsClient client, Mapping mapping, Function function, System.Logger log) {
        this.client = client;
        this.mapping = mapping;
        this.function = function;
        this.log = log;
        this.thread = new Thread(this::run, "queue-" + mapping.functionId());
        thread.setDaemon(true);
    }

    static LocalQueues start(SqsClient client, Mapping mapping, Function function, System.Logger log) {
        LocalQueues poller = new LocalQueues(client, mapping, function, log);
        poller.thread.start();
        return poller;
    }

    private void run() {
        Duration backOff = FIRST_BACK_OFF;
        while (stopped.getCount() > 0) {
            try {
                List<Message> batch = gather();
                if (batch.isEmpty()) {
                    if (!pause(backOff)) {
                        return;
                    }
                    backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0
                            ? LONGEST_BACK_OFF
                            : backOff.multipliedBy(2);
                    continue;
                }
                backOff = FIRST_BACK_OFF;
                deliver(batch);
            } catch (RuntimeException e) {
                log.log(
                        System.Logger.Level.WARNING,
                        "{0}",
                        Map.of("queue", mapping.queueUrl(), "error", String.valueOf(e.getMessage())));
                if (!pause(LONGEST_BACK_OFF)) {
                    return;
                }
            }
        }
    }

    /** Up to BatchSize messages, read until the batch is full, the window has passed or a poll finds none. */
    List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long deadline = System.nanoTime() + mapping.batchingWindow().toNanos();
        while (batch.size() < mapping.batchSize()) {
            int wanted = Math.min(MAX_RECEIVE, mapping.batchSize() - batch.size());
            List<Message> got = client.receiveMessage(request -> request.queueUrl(mapping.queueUrl())
                            .waitTimeSeconds(0)
                            .maxNumberOfMessages(wanted)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                    .messages();
            batch.addAll(got);
            if (got.isEmpty() || System.nanoTime() - deadline > 0) {
                break;
            }
        }
        return batch;
    }

    /** Invokes the function with {@code batch}, then deletes what it did not report as failed. */
    void deliver(List<Message> batch) {
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response =
                    function.invoke(event(batch), UUID.randomUUID().toString());
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            // A function error: Lambda leaves the whole batch to the queue.
            batch.forEach(message -> failed.add(message.messageId()));
            log.log(
                    System.Logger.Level.WARNING,
                    "{0}",
                    Map.of("function", mapping.functionId(), "error", String.valueOf(e.getMessage())));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            if (done.size() == MAX_RECEIVE) {
                delete(done);
            }
        }
        if (!done.isEmpty()) {
            delete(done);
        }
    }

    private void delete(List<DeleteMessageBatchRequestEntry> entries) {
        List<DeleteMessageBatchRequestEntry> copy = List.copyOf(entries);
        entries.clear();
        client.deleteMessageBatch(
                request -> request.queueUrl(mapping.queueUrl()).entries(copy));
    }

    // As Lambda's mapping hands them over: id, receipt, body, attributes, message attributes, source ARN.
    private static SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setEventSource("aws:sqs");
            Map<String, String> attributes = new HashMap<>();
            message.attributesAsStrings().forEach(attributes::put);
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(value.dataType());
                attribute.setStringValue(value.stringValue());
                messageAttributes.put(name, attribute);
            });
            record.setMessageAttributes(messageAttributes);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private boolean pause(Duration duration) {
        try {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops polling; a batch being delivered finishes first. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
