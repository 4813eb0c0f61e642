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
        return setWhileShown(
                handle,
                mark.picture(),
                MARK_FIELDS,
                MARK_NAMES,
                Map.of(
                        ":archivedUrl", AttributeValue.fromS(mark.picture().value()),
                        ":imageVersion", AttributeValue.fromS(mark.version().sha256())),
                "mark the picture of " + handle + " archived");
    }

    boolean markNotArchivable(Handle handle, PictureUrl picture) {
        // The same condition as the archive mark's: a late verdict on an older picture leaves a newer one alone.
        return setWhileShown(
                handle,
                picture,
                "SET #notArchivable = :notArchivable",
                NOT_ARCHIVABLE_NAMES,
                Map.of(
                        ":notArchivable",
                        AttributeValue.fromS(
                                picture.withSize(PictureSize.ARCHIVED).value())),
                "mark the picture of " + handle + " not archivable");
    }

    /**
     * Runs {@code update} on {@code handle}'s item only while it shows {@code picture} at one of its sizes; false
     * when it shows another (or none), and a failure that says what it tried ({@code doing}) when the table fails.
     */
    private boolean setWhileShown(
            Handle handle,
            PictureUrl picture,
            String update,
            Map<String, String> names,
            Map<String, AttributeValue> fields,
            String doing) {
        Map<String, AttributeValue> values = new HashMap<>(fields);
        for (PictureSize size : PictureSize.values()) {
            values.put(
                    sizePlaceholder(size),
                    AttributeValue.fromS(picture.withSize(size).value()));
        }
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(DynamoDbProfilePictureRepository.keyOf(handle))
                    .updateExpression(update)
                    .conditionExpression(STILL_THE_MARKED_PICTURE)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherPicture) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbProfilePictureRepository.failure(tableName, doing, e);
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
