package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.application.RefreshBatch;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.refresh.RefreshRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refresh queue's batch of messages ({@code SQSEvent}), one account each, handed to {@link RefreshBatch}; the
 * answer ({@code ReportBatchItemFailures}) names exactly the messages the queue is to deliver again: those the
 * batch failed, and those that name no account (a poison message), which after the queue's receives end in its
 * dead-letter queue. A message sent on (to the browser's queue, or again later with a delay) is done with. A
 * message's body is the handle; its {@value #ATTEMPT} attribute counts the times it was sent (adapters-sqs
 * writes them so).
 */
public final class RefreshWorkerHandler {

    /** The message attribute that counts attempts, from 1 (adapters-sqs's {@code RefreshMessages}). */
    static final String ATTEMPT = "attempt";

    /** The metric that counts refreshed accounts by source and outcome (docs/monitoring.md). */
    static final String METRIC = "Refreshes";

    /** The outcome of a message that names no account (a poison message). */
    static final String UNREADABLE = "unreadable";

    private static final System.Logger LOG = System.getLogger(RefreshWorkerHandler.class.getName());

    private final RefreshBatch batch;
    private final Clock clock;

    /** {@code clock} times batches for the log. */
    public RefreshWorkerHandler(RefreshBatch batch, Clock clock) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SQSBatchResponse handle(SQSEvent event, Context context) {
        long startedAt = clock.millis();
        List<SQSEvent.SQSMessage> messages = SqsBatches.messages(event);
        Map<RefreshRequest, String> messageIds = new IdentityHashMap<>();
        List<RefreshRequest> requests = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            try {
                RefreshRequest request = read(message);
                messageIds.put(request, message.getMessageId());
                requests.add(request);
            } catch (IllegalArgumentException e) {
                unreadable.add(message.getMessageId() + ": " + e.getMessage());
                failed.add(message.getMessageId());
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "refresh_batch");
        line.put("messages", messages.size());
        System.Logger.Level level = System.Logger.Level.INFO;
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        String source = batch.source().wireName();
        try {
            RefreshBatch.Done done = requests.isEmpty() ? null : batch.process(requests);
            List<RefreshRequest> notDone = done == null ? List.of() : done.failed();
            notDone.forEach(request -> failed.add(messageIds.get(request)));
            line.put(
                    "failedAccounts",
                    notDone.stream().map(request -> request.handle().display()).toList());
            if (done != null) {
                done.outcomes().forEach((outcome, count) -> outcomes.put(outcome.wireName(), count));
            }
        } catch (RuntimeException e) {
            // The pause could not be read (the store down): every message comes again.
            requests.forEach(request -> failed.add(messageIds.get(request)));
            line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            level = System.Logger.Level.WARNING;
            if (!requests.isEmpty()) {
                outcomes.put(RefreshBatch.Outcome.FAILED.wireName(), requests.size());
            }
        }
        if (!unreadable.isEmpty()) {
            outcomes.put(UNREADABLE, unreadable.size());
        }
        if (!unreadable.isEmpty()) {
            line.put("unreadable", unreadable);
            level = System.Logger.Level.WARNING;
        }
        line.put("failed", failed.size());
        line.put("durationMs", clock.millis() - startedAt);
        if (context != null) {
            line.put("requestId", context.getAwsRequestId());
        }
        LOG.log(level, "{0}", line);
        count(outcomes, source, context, startedAt);
        return SqsBatches.failing(failed);
    }

    /**
     * One line per outcome the batch had, counting its accounts as {@value #METRIC} by {@code source} and
     * {@code outcome}, both from bounded sets ({@link RefreshBatch.Outcome}, and {@value #UNREADABLE} for a message
     * that names no account): never a handle.
     */
    private void count(Map<String, Integer> outcomes, String source, Context context, long startedAt) {
        String requestId = context == null ? null : context.getAwsRequestId();
        outcomes.forEach((outcome, count) -> new LogLine(Instant.ofEpochMilli(startedAt), requestId)
                .put("event", "refresh_outcome")
                .put("source", source)
                .put("outcome", outcome)
                .count(METRIC, count, "source", "outcome")
                .write(clock.millis() - startedAt));
    }

    /** The account and attempt a message carries; an {@code IllegalArgumentException} saying why it carries none. */
    static RefreshRequest read(SQSEvent.SQSMessage message) {
        if (message.getMessageId() == null) {
            throw new IllegalArgumentException("a message without an id");
        }
        String body = message.getBody();
        if (body == null) {
            throw new IllegalArgumentException("no body: a refresh message's body is a handle");
        }
        int attempt = 1;
        SQSEvent.MessageAttribute attribute = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(ATTEMPT);
        if (attribute != null) {
            try {
                attempt = Integer.parseInt(
                        String.valueOf(attribute.getStringValue()).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("its " + ATTEMPT + " attribute is not a whole number");
            }
        }
        // Handle.of and the request say what is wrong without repeating more than a handle's length.
        return new RefreshRequest(Handle.of(body.strip()), attempt, Duration.ZERO);
    }
}
