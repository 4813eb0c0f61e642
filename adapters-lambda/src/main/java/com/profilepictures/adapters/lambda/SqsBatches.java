package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Collection;
import java.util.List;

/**
 * What every queue's handler does with its batch ({@code SQSEvent}) and its answer: an event without records is
 * a batch of none, and the answer ({@code ReportBatchItemFailures}) names the messages the queue is to deliver
 * again, by id.
 */
final class SqsBatches {

    private SqsBatches() {}

    /** The batch's messages; none when Lambda handed over no event or no records. */
    static List<SQSEvent.SQSMessage> messages(SQSEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /** The partial batch response that fails exactly {@code messageIds}, in their order. */
    static SQSBatchResponse failing(Collection<String> messageIds) {
        List<SQSBatchResponse.BatchItemFailure> failures = messageIds.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(id)
                        .build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
