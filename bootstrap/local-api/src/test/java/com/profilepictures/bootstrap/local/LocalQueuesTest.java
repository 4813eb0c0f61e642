package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.sqs.testing.MotoQueues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue's mapping under make run, on a real moto: batch sizes, partial batch responses, redrive. */
class LocalQueuesTest {

    @RegisterExtension
    static final MotoQueues SQS = new MotoQueues();

    @Test
    void givenMessagesAndAPoisonOne_theMapping_deliversBatchesDeletesWhatSucceededAndDeadLettersThePoison()
            throws Exception {
        String deadLetters = SQS.newQueue("dlq-");
        String deadLettersArn = SQS.client()
                .getQueueAttributes(
                        request -> request.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String queue = SQS.client()
                .createQueue(request -> request.queueName("queue-" + UUID.randomUUID())
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "1",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + deadLettersArn + "\",\"maxReceiveCount\":\"2\"}")))
                .queueUrl();
        for (int i = 0; i < 12; i++) {
            String body = "account" + i;
            SQS.client().sendMessage(request -> request.queueUrl(queue).messageBody(body));
        }
        SQS.client().sendMessage(request -> request.queueUrl(queue).messageBody("poison"));
        Set<String> done = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch poisonTwice = new CountDownLatch(2);
        LocalQueues.Function function = (SQSEvent event, String requestId) -> {
            batchSizes.add(event.getRecords().size());
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().equals("poison")) {
                    poisonTwice.countDown();
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                } else {
                    done.add(message.getBody());
                }
            }
            return new SQSBatchResponse(failures);
        };

        try (LocalQueues mapping = LocalQueues.start(
                SQS.client(),
                new LocalQueues.Mapping("TestFunction", queue, 5, Duration.ZERO),
                function,
                System.getLogger(LocalQueuesTest.class.getName()))) {
            assertTrue(poisonTwice.await(60, TimeUnit.SECONDS), "the poison message was delivered twice");
            List<Message> deadLettered = awaitMessage(deadLetters, Duration.ofSeconds(60));

            assertEquals(
                    List.of("poison"), deadLettered.stream().map(Message::body).toList());
        }
        assertEquals(12, done.size(), "every other message delivered: " + done);
        assertTrue(batchSizes.stream().allMatch(size -> size >= 1 && size <= 5), "batch sizes " + batchSizes);
        assertEquals(List.of(), awaitMessage(queue, Duration.ZERO), "nothing left: succeeded messages deleted");
    }

    // The queue's visible messages, polled without waiting on the server, until some come or time is up.
    private static List<Message> awaitMessage(String queue, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Message> got = SQS.client()
                    .receiveMessage(request ->
                            request.queueUrl(queue).waitTimeSeconds(0).maxNumberOfMessages(10))
                    .messages();
            if (!got.isEmpty() || System.nanoTime() - deadline > 0) {
                return got;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
