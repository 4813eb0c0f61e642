package com.profilepictures.adapters.dynamodb;

import static com.profilepictures.adapters.dynamodb.PictureItem.HANDLE;
import static com.profilepictures.adapters.dynamodb.PictureItem.PROFILE_URL;
import static com.profilepictures.adapters.dynamodb.PictureItem.SCRAPED_AT;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.profilepictures.application.ScrapeWrite;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The picture table's stream, read as archiving needs it: which record is a scrape's write. This is the one
 * place that rule is written, beside the repository that makes both kinds of write: a scrape's save sets
 * {@code scraped_at} (and creates the item the first time), while the archive mark
 * ({@link DynamoDbProfilePictureRepository#markArchived}) never touches it, so a record whose
 * {@code scraped_at} did not change is archiving's own write, or a write that changed nothing (local servers
 * stream those too), and is ignored. That is what keeps archiving from feeding on its own writes. The
 * stream must carry new and old images, as the template and the local table both ask.
 *
 * <p>It reads Lambda's event records ({@code aws-lambda-java-events}), the shape every function of the
 * stream receives; the attribute names are {@link PictureItem}'s, so the table and its stream cannot
 * disagree.
 */
public final class PictureStream {

    private PictureStream() {}

    /** What {@code record} of the picture table's stream means to archiving. */
    public static ScrapeWrite read(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (change == null
                || change.getNewImage() == null
                || change.getNewImage().isEmpty()) {
            return new ScrapeWrite.Ignored(record.getEventName() + " without a new image: no picture stored", true);
        }
        Map<String, AttributeValue> after = change.getNewImage();
        if ("MODIFY".equals(record.getEventName())) {
            Map<String, AttributeValue> before = change.getOldImage();
            if (before == null || before.isEmpty()) {
                return new ScrapeWrite.Ignored(
                        "MODIFY without an old image: the stream must carry NEW_AND_OLD_IMAGES", false);
            }
            if (Objects.equals(number(before.get(SCRAPED_AT)), number(after.get(SCRAPED_AT)))) {
                return new ScrapeWrite.Ignored(SCRAPED_AT + " unchanged: not a scrape's write", true);
            }
        } else if (!"INSERT".equals(record.getEventName())) {
            return new ScrapeWrite.Ignored(record.getEventName() + ": not a scrape's write", true);
        }
        try {
            return new ScrapeWrite.Stored(
                    Handle.of(string(after.get(HANDLE))),
                    PictureUrl.of(string(after.get(PROFILE_URL))),
                    Instant.ofEpochMilli(Long.parseLong(number(after.get(SCRAPED_AT)))));
        } catch (RuntimeException unreadable) {
            return new ScrapeWrite.Ignored("the item is not a valid picture: " + unreadable.getMessage(), false);
        }
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.getS();
    }

    private static String number(AttributeValue value) {
        return value == null ? null : value.getN();
    }
}
