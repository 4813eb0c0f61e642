package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.domain.picture.ProfilePicture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB stream events of the picture table, as Lambda hands them to a function: loaded from
 * src/test/resources/events, or made from the in-memory repository's writes with the table's attribute names.
 */
final class StreamEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong(100_000_000_000_000_000L);

    private StreamEvents() {}

    static DynamodbEvent load(String name) {
        return EventLoader.loadDynamoDbEvent("events/" + name);
    }

    static DynamodbEvent of(List<DynamodbEvent.DynamodbStreamRecord> records) {
        var event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    /** The record a stream would carry for one write of the repository. */
    static DynamodbEvent.DynamodbStreamRecord record(InMemoryProfilePictureRepository.Change change) {
        return record(change.before(), Optional.of(change.after()));
    }

    static DynamodbEvent.DynamodbStreamRecord record(Optional<ProfilePicture> before, Optional<ProfilePicture> after) {
        var change = new StreamRecord()
                .withSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()))
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        before.ifPresent(picture -> change.setOldImage(image(picture)));
        after.ifPresent(picture -> change.setNewImage(image(picture)));
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("event-" + change.getSequenceNumber());
        record.setEventName(after.isEmpty() ? "REMOVE" : before.isEmpty() ? "INSERT" : "MODIFY");
        record.setEventSource("aws:dynamodb");
        record.setAwsRegion("us-east-1");
        record.setDynamodb(change);
        return record;
    }

    static Map<String, AttributeValue> image(ProfilePicture picture) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("handle_key", new AttributeValue().withS(picture.handle().key()));
        item.put("handle", new AttributeValue().withS(picture.handle().display()));
        item.put("profile_url", new AttributeValue().withS(picture.url().value()));
        item.put(
                "scraped_at",
                new AttributeValue().withN(Long.toString(picture.scrapedAt().toEpochMilli())));
        item.put(
                "checked_at",
                new AttributeValue().withN(Long.toString(picture.checkedAt().toEpochMilli())));
        item.put(
                "account_status",
                new AttributeValue().withS(picture.accountStatus().wireName()));
        picture.archiveMark().ifPresent(mark -> {
            item.put("archived_url", new AttributeValue().withS(mark.picture().value()));
            item.put("image_version", new AttributeValue().withS(mark.version().sha256()));
        });
        return item;
    }
}
