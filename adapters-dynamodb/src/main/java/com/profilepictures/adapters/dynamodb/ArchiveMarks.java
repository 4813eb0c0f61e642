package com.profilepictures.adapters.dynamodb;

import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Archiving's two writes to an account's item, each naming its picture and made only while the item still shows
 * it: the archive mark (the copy), and the verdict that the picture can never be kept, which the sweep reads.
 */
final class ArchiveMarks {

    private static final Map<String, String> MARK_NAMES = Map.of(
            "#profileUrl", PictureItem.PROFILE_URL,
            "#archivedUrl", PictureItem.ARCHIVED_URL,
            "#imageVersion", PictureItem.IMAGE_VERSION);
    private static final String MARK_FIELDS = "SET #archivedUrl = :archivedUrl, #imageVersion = :imageVersion";
    // Only while the item shows the marked picture, at whichever size it was scraped: a late mark for an older
    // picture fails here and leaves the newer one alone, and no item is created for an account never stored.
    private static final String STILL_THE_MARKED_PICTURE = sizesCondition();
    private static final Map<String, String> NOT_ARCHIVABLE_NAMES =
            Map.of("#profileUrl", PictureItem.PROFILE_URL, "#notArchivable", PictureItem.NOT_ARCHIVABLE_URL);
    private final DynamoDbClient client;
    private final String tableName;

    ArchiveMarks(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    boolean markArchived(Handle handle, ArchiveMark mark) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":archivedUrl", AttributeValue.fromS(mark.picture().value()));
        values.put(":imageVersion", AttributeValue.fromS(mark.version().sha256()));
        for (PictureSize size : PictureSize.values()) {
            values.put(
                    sizePlaceholder(size),
                    AttributeValue.fromS(mark.picture().withSize(size).value()));
        }
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(DynamoDbProfilePictureRepository.keyOf(handle))
                    .updateExpression(MARK_FIELDS)
                    .conditionExpression(STILL_THE_MARKED_PICTURE)
                    .expressionAttributeNames(MARK_NAMES)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherPicture) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbProfilePictureRepository.failure(tableName, "mark the picture of " + handle + " archived", e);
        }
    }

    boolean markNotArchivable(Handle handle, PictureUrl picture) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(
                ":notArchivable",
                AttributeValue.fromS(picture.withSize(PictureSize.ARCHIVED).value()));
        for (PictureSize size : PictureSize.values()) {
            values.put(
                    sizePlaceholder(size),
                    AttributeValue.fromS(picture.withSize(size).value()));
        }
        try {
            // The same condition as the archive mark's: a late verdict on an older picture leaves a newer one alone.
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(DynamoDbProfilePictureRepository.keyOf(handle))
                    .updateExpression("SET #notArchivable = :notArchivable")
                    .conditionExpression(STILL_THE_MARKED_PICTURE)
                    .expressionAttributeNames(NOT_ARCHIVABLE_NAMES)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherPicture) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbProfilePictureRepository.failure(
                    tableName, "mark the picture of " + handle + " not archivable", e);
        }
    }

    private static String sizesCondition() {
        StringBuilder condition = new StringBuilder("#profileUrl IN (");
        for (PictureSize size : PictureSize.values()) {
            condition.append(size.ordinal() == 0 ? "" : ", ").append(sizePlaceholder(size));
        }
        return condition.append(')').toString();
    }

    private static String sizePlaceholder(PictureSize size) {
        return ":picture" + size.ordinal();
    }
}
