package com.profilepictures.adapters.sqs;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.RefreshRequest;
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
 * The refresh queue on one SQS standard queue: up to ten requests per {@code SendMessageBatch}, each its own
 * message with its delay ({@code DelaySeconds}, at most 900) and attempt counter ({@link RefreshMessages}). A
 * batch can partly fail: the entries SQS could not take on its side are sent once more, and any still refused
 * fail the call, named, so nothing is dropped silently.
 */
public final class SqsRefreshQueue implements RefreshQueue {

    private final SqsClient client;
    private final String queueUrl;

    public SqsRefreshQueue(SqsClient client, String queueUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(List<RefreshRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("A send takes 1 to " + MAX_BATCH + " requests: " + requests.size());
        }
        Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            pending.put(Integer.toString(i), RefreshMessages.entry(Integer.toString(i), requests.get(i)));
        }
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
            String message = "SQS queue " + queueUrl + " did not take the refresh of " + String.join(", ", handles);
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
            throw failure(entries.size(), e);
        }
        return response.hasFailed() ? response.failed() : List.of();
    }

    /** An outage, after the client's retries, is "try again later"; anything else is a misconfiguration. */
    private RuntimeException failure(int count, SdkException e) {
        return SdkFailures.failure(
                "SQS queue " + queueUrl, "take " + count + " refresh requests", e, QueueUnavailableException::new);
    }
}
