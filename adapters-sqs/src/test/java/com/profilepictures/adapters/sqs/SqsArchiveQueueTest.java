package com.profilepictures.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.refresh.ArchiveRequest;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
        client = SqsClients.create(new SqsSettings(
                URI.create(moto.endpoint() + "/123456789012/unused"),
                "us-east-1",
                Optional.of(moto.endpoint()),
                CredentialsSource.DUMMY));
    }

    @AfterAll
    static void stopMoto() throws IOException {
        client.close();
        moto.close();
        Files.deleteIfExists(log);
    }

    private static String newQueue() {
        return client.createQueue(request -> request.queueName("archive-" + UUID.randomUUID()))
                .queueUrl();
    }

    private static List<Message> readAll(String queueUrl) {
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

    private static ArchiveRequest request(String handle) {
        return new ArchiveRequest(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/7/" + handle + "_normal.jpg"),
                SCRAPED_AT);
    }

    @Test
    void eachPictureIsAMessage_itsBodyTheHandle_itsAttributesThePictureAndWhenItWasScraped() {
        String queueUrl = newQueue();
        var queue = new SqsArchiveQueue(client, queueUrl);
        List<ArchiveRequest> requests =
                IntStream.range(0, 10).mapToObj(i -> request("User_" + i)).toList();

        queue.send(requests);

        Map<String, Message> byBody =
                readAll(queueUrl).stream().collect(Collectors.toMap(Message::body, message -> message));
        assertEquals(10, byBody.size());
        Message one = byBody.get("User_3");
        assertEquals(
                "https://pbs.twimg.com/profile_images/7/User_3_normal.jpg",
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
        String queueUrl = newQueue();
        var queue = new SqsArchiveQueue(client, queueUrl);
        List<ArchiveRequest> eleven =
                IntStream.range(0, 11).mapToObj(i -> request("u" + i)).toList();

        assertThrows(IllegalArgumentException.class, () -> queue.send(eleven));
        assertEquals(List.of(), readAll(queueUrl));
    }

    @Test
    void aMissingQueueIsAMisconfigurationNotAnOutage() {
        String queueUrl = newQueue();
        client.deleteQueue(request -> request.queueUrl(queueUrl));
        var queue = new SqsArchiveQueue(client, queueUrl);

        var thrown = assertThrows(RuntimeException.class, () -> queue.send(List.of(request("jack"))));

        assertEquals(IllegalStateException.class, thrown.getClass(), thrown.toString());
    }
}
