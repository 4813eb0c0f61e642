package com.profilepictures.adapters.sqs;

import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.RefreshRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The refresh queue on one SQS standard queue: up to ten requests per {@code SendMessageBatch}, each its own
 * message with its delay ({@code DelaySeconds}, at most 900) and attempt counter ({@link RefreshMessages}). A
 * batch can partly fail: the entries SQS could not take on its side are sent once more, and any still refused
 * fail the call, named, so nothing is dropped silently ({@link BatchSends}).
 */
public final class SqsRefreshQueue implements RefreshQueue {

    private final BatchSends sends;

    public SqsRefreshQueue(SqsClient client, String queueUrl) {
        this.sends = new BatchSends(
                Objects.requireNonNull(client, "client"), Objects.requireNonNull(queueUrl, "queueUrl"), "refresh");
    }

    @Override
    public void send(List<RefreshRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("A send takes 1 to " + MAX_BATCH + " requests: " + requests.size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            entries.add(RefreshMessages.entry(Integer.toString(i), requests.get(i)));
        }
        sends.send(entries);
    }
}
