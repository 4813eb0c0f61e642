package com.profilepictures.adapters.sqs.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** What a test reads of a queue: every message visible now, with its attributes. */
public final class VisibleMessages {

    private VisibleMessages() {}

    /**
     * Every message visible now, read with WaitTimeSeconds=0 (a test never waits on a poll) until a read comes back
     * empty; fails if twenty reads do not empty the queue.
     */
    public static List<Message> readAll(SqsClient client, String queueUrl) {
        List<Message> messages = new ArrayList<>();
        for (int polls = 0; polls < 20; polls++) {
            List<Message> got = client.receiveMessage(request -> request.queueUrl(queueUrl)
                            .waitTimeSeconds(0)
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All"))
                    .messages();
            if (got.isEmpty()) {
                return messages;
            }
            messages.addAll(got);
        }
        throw new AssertionError("the queue did not run dry after 20 polls");
    }
}
