package com.profilepictures.adapters.dynamodb;

import static com.profilepictures.adapters.dynamodb.HistoryItem.FIRST_SEEN_AT;
import static com.profilepictures.adapters.dynamodb.HistoryItem.HANDLE_KEY;
import static com.profilepictures.adapters.dynamodb.HistoryItem.IMAGE_VERSION;
import static com.profilepictures.adapters.dynamodb.HistoryItem.LAST_SEEN_AT;
import static com.profilepictures.adapters.dynamodb.HistoryItem.PROFILE_URL;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.StorageUnavailableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The picture history on its own DynamoDB table ({@link HistoryItem}): an item per picture per account,
 * its times moved by conditional writes so that sightings recorded twice or out of order end the same.
 */
public final class DynamoDbPictureHistory implements PictureHistory {

    private static final Map<String, String> NAMES = Map.of(
            "#profileUrl", PROFILE_URL,
            "#firstSeenAt", FIRST_SEEN_AT,
            "#lastSeenAt", LAST_SEEN_AT);
    // A new entry, or a later sighting: lastSeenAt moves forward only, firstSeenAt is set once here.
    private static final String SEEN = "SET #firstSeenAt = if_not_exists(#firstSeenAt, :seenAt), #lastSeenAt = :seenAt";
    private static final String NEW_OR_LATER = "attribute_not_exists(#profileUrl) OR #lastSeenAt < :seenAt";
    // A sighting older than the entry's first (a record delivered out of order) moves firstSeenAt back.
    private static final Map<String, String> EARLIER_NAMES = Map.of("#firstSeenAt", FIRST_SEEN_AT);
    private static final String SEEN_EARLIER = "SET #firstSeenAt = :seenAt";
    private static final String EARLIER = "#firstSeenAt > :seenAt";

    private static final Map<String, String> ATTACH_NAMES =
            Map.of("#profileUrl", PROFILE_URL, "#imageVersion", IMAGE_VERSION);
    // The first copy attached stays: a second archiving of the same picture (a race, a retry) changes nothing.
    private static final String ATTACH = "SET #imageVersion = if_not_exists(#imageVersion, :imageVersion)";
    private static final String RECORDED = "attribute_exists(#profileUrl)";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbPictureHistory(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public HistoryEntry record(Handle handle, PictureUrl picture, Instant seenAt) {
        Map<String, AttributeValue> key = keyOf(handle, picture);
        Map<String, AttributeValue> values = Map.of(":seenAt", millis(seenAt));
        try {
            return toDomain(client.updateItem(update(key, SEEN, NEW_OR_LATER, NAMES, values))
                    .attributes());
        } catch (ConditionalCheckFailedException seenLaterAlready) {
            Map<String, AttributeValue> stored =
                    seenLaterAlready.hasItem() && !seenLaterAlready.item().isEmpty()
                            ? seenLaterAlready.item()
                            : read(key);
            if (!toDomain(stored).firstSeenAt().isAfter(seenAt.truncatedTo(ChronoUnit.MILLIS))) {
                return toDomain(stored);
            }
        } catch (SdkException e) {
            throw failure("record " + picture + " for " + handle, e);
        }
        try {
            return toDomain(client.updateItem(update(key, SEEN_EARLIER, EARLIER, EARLIER_NAMES, values))
                    .attributes());
        } catch (ConditionalCheckFailedException earlierMeanwhile) {
            // Another record moved it back at least as far meanwhile.
            return toDomain(read(key));
        } catch (SdkException e) {
            throw failure("record " + picture + " for " + handle, e);
        }
    }

    @Override
    public HistoryEntry attach(Handle handle, PictureUrl picture, ImageVersion version) {
        try {
            return toDomain(client.updateItem(update(
                            keyOf(handle, picture),
                            ATTACH,
                            RECORDED,
                            ATTACH_NAMES,
                            Map.of(":imageVersion", AttributeValue.fromS(version.sha256()))))
                    .attributes());
        } catch (ConditionalCheckFailedException notRecorded) {
            throw new IllegalStateException("No history entry of " + picture.withSize(PictureSize.ARCHIVED) + " for @"
                    + handle + " in table " + tableName + " to attach a copy to: record the picture first.");
        } catch (SdkException e) {
            throw failure("attach a copy to " + picture + " for " + handle, e);
        }
    }

    @Override
    public Page<HistoryEntry, HistoryCursor> list(Handle handle, PageRequest<HistoryCursor> request) {
        Map<String, AttributeValue> startKey = request.after()
                .map(cursor -> Map.of(
                        HANDLE_KEY, AttributeValue.fromS(handle.key()),
                        PROFILE_URL, AttributeValue.fromS(cursor.picture().value()),
                        FIRST_SEEN_AT, millis(cursor.firstSeenAt())))
                .orElse(null);
        QueryResponse response = query(
                QueryRequest.builder()
                        .indexName(HistoryItem.BY_FIRST_SEEN)
                        .keyConditionExpression("#handleKey = :handleKey")
                        .expressionAttributeNames(Map.of("#handleKey", HANDLE_KEY))
                        .expressionAttributeValues(Map.of(":handleKey", AttributeValue.fromS(handle.key())))
                        .scanIndexForward(false)
                        .limit(request.limit())
                        .exclusiveStartKey(startKey),
                "list the history of " + handle);
        List<HistoryEntry> entries = new ArrayList<>();
        response.items().forEach(item -> entries.add(toDomain(item)));
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return Page.last(entries);
        }
        // The page ended on an entry: DynamoDB's key of it is the entry's own cursor.
        return new Page<>(
                entries, Optional.of(toDomain(response.lastEvaluatedKey(), true).cursor()));
    }

    @Override
    public Optional<HistoryEntry> findByVersion(Handle handle, ImageVersion version) {
        QueryResponse response = query(
                QueryRequest.builder()
                        .indexName(HistoryItem.BY_IMAGE_VERSION)
                        .keyConditionExpression("#handleKey = :handleKey AND #imageVersion = :imageVersion")
                        .expressionAttributeNames(Map.of("#handleKey", HANDLE_KEY, "#imageVersion", IMAGE_VERSION))
                        .expressionAttributeValues(Map.of(
                                ":handleKey", AttributeValue.fromS(handle.key()),
                                ":imageVersion", AttributeValue.fromS(version.sha256())))
                        .limit(1),
                "find version " + version + " in the history of " + handle);
        return response.items().stream().findFirst().map(this::toDomain);
    }

    private UpdateItemRequest update(
            Map<String, AttributeValue> key,
            String expression,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key)
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private QueryResponse query(QueryRequest.Builder request, String action) {
        try {
            // Consistent, as local indexes allow: a page read right after archiving shows its copy.
            return client.query(
                    request.tableName(tableName).consistentRead(true).build());
        } catch (SdkException e) {
            throw failure(action, e);
        }
    }

    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        try {
            Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
                            .tableName(tableName)
                            .key(key)
                            .consistentRead(true)
                            .build())
                    .item();
            if (item == null || item.isEmpty()) {
                // Entries are never deleted, so one that made a condition fail is still there.
                throw new IllegalStateException("The history entry " + key + " of table " + tableName + " is gone.");
            }
            return item;
        } catch (SdkException e) {
            throw failure("read the history entry " + key, e);
        }
    }

    private static Map<String, AttributeValue> keyOf(Handle handle, PictureUrl picture) {
        return Map.of(
                HANDLE_KEY, AttributeValue.fromS(handle.key()),
                PROFILE_URL,
                        AttributeValue.fromS(
                                picture.withSize(PictureSize.ARCHIVED).value()));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private HistoryEntry toDomain(Map<String, AttributeValue> item) {
        return toDomain(item, false);
    }

    /**
     * An item that breaks the domain's rules is a bug or a hand edit, not an outage: it fails loudly. A
     * {@code keyOnly} item (a page's last evaluated key) has no {@code last_seen_at}.
     */
    private HistoryEntry toDomain(Map<String, AttributeValue> item, boolean keyOnly) {
        try {
            Instant firstSeenAt =
                    Instant.ofEpochMilli(Long.parseLong(item.get(FIRST_SEEN_AT).n()));
            Instant lastSeenAt = keyOnly
                    ? firstSeenAt
                    : Instant.ofEpochMilli(Long.parseLong(item.get(LAST_SEEN_AT).n()));
            AttributeValue version = item.get(IMAGE_VERSION);
            return new HistoryEntry(
                    PictureUrl.of(item.get(PROFILE_URL).s()),
                    firstSeenAt,
                    lastSeenAt,
                    version == null ? Optional.empty() : Optional.of(ImageVersion.of(version.s())));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The item " + item.get(HANDLE_KEY) + " / " + item.get(PROFILE_URL) + " of table " + tableName
                            + " is not a valid history entry: " + e,
                    e);
        }
    }

    private RuntimeException failure(String action, SdkException e) {
        return SdkFailures.failure("DynamoDB table " + tableName, action, e, StorageUnavailableException::new);
    }
}
