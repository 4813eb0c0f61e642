package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;

/** Queue events ({@code SQSEvent}) as Lambda hands them to a queue's handler, and the ids its answer fails. */
final class SqsEvents {

    private SqsEvents() {}

    /** A message with {@code body} (null: none) and no attributes yet. */
    static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }

    /** Adds the attribute {@code name} of {@code dataType} to {@code message}, unless {@code value} is null. */
    static SQSEvent.SQSMessage withAttribute(SQSEvent.SQSMessage message, String name, String dataType, String value) {
        if (value != null) {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(dataType);
            attribute.setStringValue(value);
            var attributes = message.getMessageAttributes() == null
                    ? new HashMap<String, SQSEvent.MessageAttribute>()
                    : new HashMap<>(message.getMessageAttributes());
            attributes.put(name, attribute);
            message.setMessageAttributes(attributes);
        }
        return message;
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** The ids of the messages {@code response} names for the queue to deliver again, in its order. */
    static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
