package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Record;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.PictureUrl;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a record of the picture table's stream says, for archiving: a scrape stored a picture, or something
 * else happened that archiving ignores. A scrape's write is recognised by its {@code scraped_at} changing
 * (or the item appearing); archiving's own write (the archive mark) leaves {@code scraped_at} as it was, so
 * it is ignored, and so is a write that changed nothing (local servers stream those too). That is what keeps
 * archiving from feeding on its own writes. The stream must carry new and old images.
 *
 * <p>The attribute names are the picture table's, as its repository adapter writes them.
 */
sealed interface ScrapeWrite {

    String HANDLE = "handle";
    String PROFILE_URL = "profile_url";
    String SCRAPED_AT = "scraped_at";

    /** A scrape stored {@code picture} for {@code handle} at {@code scrapedAt}. */
    record Stored(Handle handle, PictureUrl picture, Instant scrapedAt) implements ScrapeWrite {
        public Stored {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(picture, "picture");
            Objects.requireNonNull(scrapedAt, "scrapedAt");
        }
    }

    /** Not a scrape's write; {@code why} is for the log, {@code expected} false when it points at a misconfiguration or a bug. */
    record Ignored(String why, boolean expected) implements ScrapeWrite {
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }

    static ScrapeWrite of(Record record) {
        StreamRecord change = record.getDynamodb();
        if (change == null
                || change.getNewImage() == null
                || change.getNewImage().isEmpty()) {
            return new Ignored(record.getEventName() + " without a new image: no picture stored", true);
        }
        Map<String, AttributeValue> after = change.getNewImage();
        if (after.get(SCRAPED_AT) == null) {
            // moto streams an UpdateItem that creates an item as an INSERT of the key alone, then one of the item.
            return new Ignored(
                    record.getEventName() + " of an item without " + SCRAPED_AT + ": no picture stored", true);
        }
        if ("MODIFY".equals(record.getEventName())) {
            Map<String, AttributeValue> before = change.getOldImage();
            if (before == null || before.isEmpty()) {
                return new Ignored("MODIFY without an old image: the stream must carry NEW_AND_OLD_IMAGES", false);
            }
            if (Objects.equals(number(before.get(SCRAPED_AT)), number(after.get(SCRAPED_AT)))) {
                return new Ignored(SCRAPED_AT + " unchanged: not a scrape's write", true);
            }
        } else if (!"INSERT".equals(record.getEventName())) {
            return new Ignored(record.getEventName() + ": not a scrape's write", true);
        }
        try {
            return new Stored(
                    Handle.of(string(after.get(HANDLE))),
                    PictureUrl.of(string(after.get(PROFILE_URL))),
                    Instant.ofEpochMilli(Long.parseLong(number(after.get(SCRAPED_AT)))));
        } catch (RuntimeException unreadable) {
            return new Ignored("the item is not a valid picture: " + unreadable.getMessage(), false);
        }
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.getS();
    }

    private static String number(AttributeValue value) {
        return value == null ? null : value.getN();
    }
}
