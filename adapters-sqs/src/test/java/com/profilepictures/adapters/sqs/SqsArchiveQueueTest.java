package com.profilepictures.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.adapters.sqs.testing.MotoQueues;
import com.profilepictures.adapters.sqs.testing.VisibleMessages;
import com.profilepictures.application.testing.SamplePictures;
import com.profilepictures.domain.refresh.ArchiveRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/** The sweep's archive queue on a real moto server; a fresh queue per test, read back without long polling. */
class SqsArchiveQueueTest {

    private static final Instant SCRAPED_AT = Instant.parse("2026-11-28T04:00:00.123Z");

    @RegisterExtension
    static final MotoQueues SQS = new MotoQueues();

    /** Requests for User_0's picture 0 to User_{@code count - 1}'s: each message its own body and picture. */
    private static List<ArchiveRequest> requests(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ArchiveRequest.of(SamplePictures.picture("User_" + i, Integer.toString(i), SCRAPED_AT)))
                .toList();
    }

    @Test
    void eachPictureIsAMessage_itsBodyTheHandle_itsAttributesThePictureAndWhenItWasScraped() {
        String queueUrl = SQS.newQueue("archive-");
        var queue = new SqsArchiveQueue(SQS.client(), queueUrl);
        List<ArchiveRequest> requests = requests(10);

        queue.send(requests);

        Map<String, Message> byBody = VisibleMessages.readAll(SQS.client(), queueUrl).stream()
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
        String queueUrl = SQS.newQueue("archive-");
        var queue = new SqsArchiveQueue(SQS.client(), queueUrl);
        List<ArchiveRequest> eleven = requests(11);

        assertThrows(IllegalArgumentException.class, () -> queue.send(eleven));
        assertEquals(List.of(), VisibleMessages.readAll(SQS.client(), queueUrl));
    }

    @Test
    void aMissingQueueIsAMisconfigurationNotAnOutage() {
        String queueUrl = SQS.newQueue("archive-");
        SQS.client().deleteQueue(request -> request.queueUrl(queueUrl));
        var queue = new SqsArchiveQueue(SQS.client(), queueUrl);

        var thrown = assertThrows(RuntimeException.class, () -> queue.send(requests(1)));

        assertEquals(IllegalStateException.class, thrown.getClass(), thrown.toString());
    }
}
