package com.profilepictures.adapters.sqs;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.port.QueueUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One {@code SendMessageBatch} of up to ten entries to one queue, as every queue of the service sends: a batch can
 * partly fail, so the entries SQS could not take on its side are sent once more, and any still refused fail the
 * call, named by their bodies, so nothing is dropped silently. A value: the queue it sends to, by which client,
 * and what its messages are called.
 */
record BatchSends(SqsClient client, String queueUrl, String what) {

    /** {@code what} names the messages in errors: "refresh", "archive". */
    BatchSends {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(what, "what");
    }

    /** Sends {@code entries} (their ids unique within the batch); throws when some could not be sent. */
    void send(List<SendMessageBatchRequestEntry> entries) {
        Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
        entries.forEach(entry -> pending.put(entry.id(), entry));
        List<BatchResultErrorEntry> refused = sendBatch(pending);
        if (!refused.isEmpty() && refused.stream().noneMatch(BatchResultErrorEntry::senderFault)) {
            Map<String, SendMessageBatchRequestEntry> again = new LinkedHashMap<>();
            refused.forEach(error -> again.put(error.id(), pending.get(error.id())));
            refused = sendBatch(again);
        }
        if (!refused.isEmpty()) {
            List<String> handles = new ArrayList<>();
            refused.forEach(error -> handles.add(
                    "@" + pending.get(error.id()).messageBody() + " (" + error.code() + ": " + error.message() + ")"));
            String message =
                    "SQS queue " + queueUrl + " did not take the " + what + " of " + String.join(", ", handles);
            if (refused.stream().anyMatch(BatchResultErrorEntry::senderFault)) {
                throw new IllegalStateException(message + ": refused as malformed.");
            }
            throw new QueueUnavailableException(message + ", even when sent again.", null);
        }
    }

    private List<BatchResultErrorEntry> sendBatch(Map<String, SendMessageBatchRequestEntry> entries) {
        SendMessageBatchResponse response;
        try {
            response = client.sendMessageBatch(
                    builder -> builder.queueUrl(queueUrl).entries(List.copyOf(entries.values())));
        } catch (SdkException e) {
            // An outage, after the client's retries, is "try again later"; anything else is a misconfiguration.
            throw SdkFailures.failure(
                    "SQS queue " + queueUrl,
                    "take " + entries.size() + " " + what + " requests",
                    e,
                    QueueUnavailableException::new);
        }
        return response.hasFailed() ? response.failed() : List.of();
    }
}
