package com.profilepictures.adapters.sqs;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.refresh.RefreshRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The shape of one refresh message, which the workers read back: the body is the handle as stored (nothing
 * else, so that a person reading the queue or its dead-letter queue sees which account), the attempt counter
 * a Number attribute {@value #ATTEMPT}, counted here rather than by the receive count, so that re-sending a
 * message held back by X does not push it towards the dead-letter queue.
 */
final class RefreshMessages {

    /** The message attribute that counts attempts, from 1. */
    static final String ATTEMPT = "attempt";

    private RefreshMessages() {}

    static SendMessageBatchRequestEntry entry(String id, RefreshRequest request) {
        return SendMessageBatchRequestEntry.builder()
                .id(id)
                .messageBody(request.handle().display())
                .delaySeconds(delaySeconds(request.delay()))
                .messageAttributes(Map.of(
                        ATTEMPT,
                        MessageAttributeValue.builder()
                                .dataType("Number")
                                .stringValue(Integer.toString(request.attempt()))
                                .build()))
                .build();
    }

    /** Whole seconds, rounded up, so that a message is never read before its delay is over. */
    static int delaySeconds(Duration delay) {
        long seconds = delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(seconds, RefreshRequest.MAX_DELAY.toSeconds());
    }

    /** The request a message carries, as a worker reads it back. */
    static RefreshRequest read(String body, Map<String, MessageAttributeValue> attributes) {
        Objects.requireNonNull(body, "body");
        MessageAttributeValue attempt = attributes.get(ATTEMPT);
        int attempts = attempt == null ? 1 : Integer.parseInt(attempt.stringValue());
        return new RefreshRequest(Handle.of(body), attempts, Duration.ZERO);
    }
}
