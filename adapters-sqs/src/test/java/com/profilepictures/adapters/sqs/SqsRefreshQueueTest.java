package com.profilepictures.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.sqs.testing.MotoQueues;
import com.profilepictures.adapters.sqs.testing.VisibleMessages;
import com.profilepictures.awsclients.ClientTimeouts;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The refresh queue on a real moto server; a fresh queue per test, read back without long polling. */
class SqsRefreshQueueTest {

    @RegisterExtension
    static final MotoQueues SQS = new MotoQueues();

    private static int delayed(String queueUrl) {
        return Integer.parseInt(SQS.client()
                .getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    @Test
    void eachRequestIsAMessageWithItsHandleAndAttempt() {
        String queueUrl = SQS.newQueue("refresh-");
        var queue = new SqsRefreshQueue(SQS.client(), queueUrl);
        List<RefreshRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(new RefreshRequest(Handle.of("User_" + i), i + 1, Duration.ZERO));
        }

        queue.send(requests);

        List<RefreshRequest> read = VisibleMessages.readAll(SQS.client(), queueUrl).stream()
                .map(message -> RefreshMessages.read(message.body(), message.messageAttributes()))
                .toList();
        assertEquals(10, read.size());
        assertEquals(
                requests.stream().map(RefreshRequest::toString).sorted().toList(),
                read.stream().map(RefreshRequest::toString).sorted().toList());
        assertTrue(
                read.stream().map(request -> request.handle().display()).allMatch(name -> name.startsWith("User_")),
                "the handle as stored");
    }

    @Test
    void aDelayedRequestIsHeldBack() {
        String queueUrl = SQS.newQueue("refresh-");
        var queue = new SqsRefreshQueue(SQS.client(), queueUrl);

        queue.send(List.of(
                new RefreshRequest(Handle.of("later"), 2, RefreshRequest.MAX_DELAY),
                RefreshRequest.first(Handle.of("now"))));

        List<Message> visible = VisibleMessages.readAll(SQS.client(), queueUrl);
        assertEquals(List.of("now"), visible.stream().map(Message::body).toList());
        assertEquals(1, delayed(queueUrl), "held back for 900 s");
    }

    @Test
    void delaysAreWholeSecondsRoundedUpAndAtMostFifteenMinutes() {
        assertEquals(0, RefreshMessages.delaySeconds(Duration.ZERO));
        assertEquals(2, RefreshMessages.delaySeconds(Duration.ofMillis(1001)));
        assertEquals(900, RefreshMessages.delaySeconds(RefreshRequest.MAX_DELAY));
    }

    @Test
    void moreThanTenAtOnceIsABugNotASend() {
        String queueUrl = SQS.newQueue("refresh-");
        var queue = new SqsRefreshQueue(SQS.client(), queueUrl);
        List<RefreshRequest> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(RefreshRequest.first(Handle.of("u" + i)));
        }

        assertThrows(IllegalArgumentException.class, () -> queue.send(eleven));
        assertEquals(List.of(), VisibleMessages.readAll(SQS.client(), queueUrl));
    }

    @Test
    void aMissingQueueIsAMisconfigurationNotAnOutage() {
        String queueUrl = SQS.newQueue("refresh-");
        SQS.client().deleteQueue(request -> request.queueUrl(queueUrl));
        var queue = new SqsRefreshQueue(SQS.client(), queueUrl);

        var thrown = assertThrows(
                RuntimeException.class, () -> queue.send(List.of(RefreshRequest.first(Handle.of("jack")))));

        assertEquals(IllegalStateException.class, thrown.getClass(), thrown.toString());
    }

    @Test
    void aQueueThatDoesNotAnswerIsUnavailableWithinTheClientsBound() throws IOException {
        Path ownLog = Files.createTempFile("moto-sqs-down-", ".log");
        try (MotoServer own = MotoServer.start(ownLog)) {
            var timeouts = new ClientTimeouts(
                    Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3), 2);
            // The queue is made with the patient SQS.client(): moto's first SQS call loads its SQS backend, which on
            // busy cores takes longer than the fast SQS.client()'s bounds, and that is not what this test is about.
            String queueUrl;
            try (SqsClient patient = SqsClients.builder(MotoQueues.settings(own.endpoint()), SqsClients.TIMEOUTS)
                    .build()) {
                queueUrl = patient.createQueue(request -> request.queueName("down"))
                        .queueUrl();
            }
            try (SqsClient fast = SqsClients.builder(MotoQueues.settings(own.endpoint()), timeouts)
                    .build()) {
                var queue = new SqsRefreshQueue(fast, queueUrl);
                own.pause();
                try {
                    long start = System.nanoTime();

                    assertThrows(
                            QueueUnavailableException.class,
                            () -> queue.send(List.of(RefreshRequest.first(Handle.of("jack")))));

                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "gave up after " + took);
                } finally {
                    own.resume();
                }
            }
        } finally {
            Files.deleteIfExists(ownLog);
        }
    }
}
