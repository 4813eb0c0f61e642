package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.profilepictures.application.ScrapeWrite;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule that tells a scrape's write from every other change of the picture table, on records as
 * Lambda hands them over ({@link PictureTableStreamTest} runs it over what moto really streams).
 */
class PictureStreamTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final String PICTURE = "https://pbs.twimg.com/profile_images/1/jack_400x400.jpg";

    @Test
    void anInsertedPictureIsAScrapesWrite() {
        ScrapeWrite write = PictureStream.read(record("INSERT", null, item(T0)));

        assertEquals(new ScrapeWrite.Stored(Handle.of("Jack"), PictureUrl.of(PICTURE), T0), write);
    }

    @Test
    void aModificationIsAScrapesWriteOnlyWhenScrapedAtChanged() {
        Map<String, AttributeValue> marked = item(T0);
        marked.put("image_version", new AttributeValue().withS("0".repeat(64)));

        ScrapeWrite rescrape = PictureStream.read(record("MODIFY", item(T0), item(T0.plusSeconds(1))));
        ScrapeWrite mark = PictureStream.read(record("MODIFY", item(T0), marked));

        assertEquals(new ScrapeWrite.Stored(Handle.of("Jack"), PictureUrl.of(PICTURE), T0.plusSeconds(1)), rescrape);
        assertEquals(new ScrapeWrite.Ignored("scraped_at unchanged: not a scrape's write", true), mark);
    }

    @Test
    void aRemovalIsIgnoredAsExpected() {
        ScrapeWrite removal = PictureStream.read(record("REMOVE", item(T0), null));

        assertTrue(assertInstanceOf(ScrapeWrite.Ignored.class, removal).expected(), removal.toString());
    }

    @Test
    void aStreamWithoutOldImagesAndAnItemThatIsNoPictureAreFlagged() {
        Map<String, AttributeValue> foreign = item(T0);
        foreign.put("profile_url", new AttributeValue().withS("http://evil.example/a.jpg"));
        Map<String, AttributeValue> keyOnly = new HashMap<>();
        keyOnly.put("handle_key", new AttributeValue().withS("jack"));

        ScrapeWrite withoutOldImage = PictureStream.read(record("MODIFY", null, item(T0)));
        ScrapeWrite unreadable = PictureStream.read(record("INSERT", null, foreign));
        ScrapeWrite key = PictureStream.read(record("INSERT", null, keyOnly));

        assertFalse(assertInstanceOf(ScrapeWrite.Ignored.class, withoutOldImage).expected());
        assertTrue(((ScrapeWrite.Ignored) withoutOldImage).why().contains("NEW_AND_OLD_IMAGES"));
        assertFalse(assertInstanceOf(ScrapeWrite.Ignored.class, unreadable).expected());
        assertFalse(assertInstanceOf(ScrapeWrite.Ignored.class, key).expected());
    }

    private static Map<String, AttributeValue> item(Instant scrapedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("handle_key", new AttributeValue().withS("jack"));
        item.put("handle", new AttributeValue().withS("Jack"));
        item.put("profile_url", new AttributeValue().withS(PICTURE));
        item.put("scraped_at", new AttributeValue().withN(Long.toString(scrapedAt.toEpochMilli())));
        return item;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(
            String eventName, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        var change = new StreamRecord().withSequenceNumber("1");
        change.setOldImage(before);
        change.setNewImage(after);
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }
}
