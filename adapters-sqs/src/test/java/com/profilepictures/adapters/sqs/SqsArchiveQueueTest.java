package com.profilepictures.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.adapters.sqs.testing.MotoQueues;
import com.profilepictures.adapters.sqs.testing.VisibleMessages;
import com.profilepictures.application.testing.SamplePictures;
import com.profilepictures.domain.refresh.ArchiveRequest;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The sweep's archive queue on a real moto server; a fresh queue per test, read back without long polling. */
class SqsArchiveQueueTest {

    private static final Instant SCRAPED_AT = Instant.parse("2026-11-28T04:00:00.123Z");

    private static Path log;
    private static MotoServer moto;
    private static SqsClient client;

    @BeforeAll
    static void startMoto() throws IOException {
        log = Files.createTempFile("moto-sqs-archive-", ".log");
        moto = MotoServer.start(log);
        client = MotoQueues.client(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() throws IOException {
        client.close();
        moto.close();
        Files.deleteIfExists(log);
    }

    /** The request for User_{@code i}'s picture {@code i}: each message its own body and picture. */
    private static ArchiveRequest request(int i) {
        return ArchiveRequest.of(SamplePictures.picture("User_" + i, Integer.toString(i), SCRAPED_AT));
    }

    @Test
    void eachPictureIsAMessage_itsBodyTheHandle_itsAttributesThePictureAndWhenItWasScraped() {
        String queueUrl = MotoQueues.newQueue(client, "archive-");
        var queue = new SqsArchiveQueue(client, queueUrl);
        List<ArchiveRequest> requests =
                IntStream.range(0, 10).mapToObj(SqsArchiveQueueTest::request).toList();

        queue.send(requests);

        Map<String, Message> byBody = VisibleMessages.readAll(client, queueUrl).stream()
                .collect(Collectors.toMap(Message::body, message -> message));
        assertEquals(10, byBody.size());
        Message one = byBody.get("User_3");
        assertEquals(
                "https://pbs.twimg.com/profile_images/3/pic_400x400.jpg",
                one.messageAttributes().get(SqsArchiveQueue.PICTURE).stringValue());
        assertEquals(
                "Number",
                one.messageAttributes().get(SqsArchiveQueue.SCRAPED_AT).dataType());
        assertEquals(
                Long.toString(SCRAPED_AT.toEpochMilli()),
                one.messageAttributes().get(SqsArchiveQueue.SCRAPED_AT).stringValue());
    }

    @Test
    void moreThanTenAtOnceIsABugNotASend() {
        String queueUrl = MotoQueues.newQueue(client, "archive-");
        var queue = new SqsArchiveQueue(client, queueUrl);
        List<ArchiveRequest> eleven =
                IntStream.range(0, 11).mapToObj(SqsArchiveQueueTest::request).toList();

        assertThrows(IllegalArgumentException.class, () -> queue.send(eleven));
        assertEquals(List.of(), VisibleMessages.readAll(client, queueUrl));
    }

    @Test
    void aMissingQueueIsAMisconfigurationNotAnOutage() {
        String queueUrl = MotoQueues.newQueue(client, "archive-");
        client.deleteQueue(request -> request.queueUrl(queueUrl));
        var queue = new SqsArchiveQueue(client, queueUrl);

        var thrown = assertThrows(RuntimeException.class, () -> queue.send(List.of(request(0))));

        assertEquals(IllegalStateException.class, thrown.getClass(), thrown.toString());
    }
}
