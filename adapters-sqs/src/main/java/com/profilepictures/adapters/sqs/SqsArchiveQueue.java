package com.profilepictures.adapters.sqs;

import com.profilepictures.domain.port.ArchiveQueue;
import com.profilepictures.domain.refresh.ArchiveRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The sweep's archive queue on one SQS standard queue: up to ten pictures per {@code SendMessageBatch}, each its
 * own message. Its body is the handle as stored (so a person reading the queue or its dead-letter queue sees which
 * account); the picture is the String attribute {@value #PICTURE} and when it was scraped the Number attribute
 * {@value #SCRAPED_AT} (epoch milliseconds), which the archive's reader ({@code ArchiveSweepHandler}) reads back.
 */
public final class SqsArchiveQueue implements ArchiveQueue {

    /** The picture's URL, as the table stores it. */
    public static final String PICTURE = "picture";
    /** When the picture was first seen, in epoch milliseconds. */
    public static final String SCRAPED_AT = "scrapedAt";

    private final BatchSends sends;

    public SqsArchiveQueue(SqsClient client, String queueUrl) {
        this.sends = new BatchSends(
                Objects.requireNonNull(client, "client"), Objects.requireNonNull(queueUrl, "queueUrl"), "archive");
    }

    @Override
    public void send(List<ArchiveRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("A send takes 1 to " + MAX_BATCH + " requests: " + requests.size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ArchiveRequest request = requests.get(i);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(request.handle().display())
                    .messageAttributes(Map.of(
                            PICTURE,
                            MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue(request.picture().value())
                                    .build(),
                            SCRAPED_AT,
                            MessageAttributeValue.builder()
                                    .dataType("Number")
                                    .stringValue(
                                            Long.toString(request.scrapedAt().toEpochMilli()))
                                    .build()))
                    .build());
        }
        sends.send(entries);
    }
}
