package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.StorageUnavailableException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The refresh's pause as one item of the pictures table, under a key that no handle can be
 * ({@value #KEY}: handles are letters, digits and underscores only), so no account ever meets it.
 *
 * <p>Why the pictures table rather than a table of its own: every worker already reads and writes that table
 * (no new resource to deploy, grant or create locally), the pause is read once per batch of up to a hundred
 * accounts (one read unit) and written only on a 429, and the item is invisible to everything else: listing
 * skips it, the due-accounts filter never matches it (it has no {@code scraped_at}), and the archive ignores
 * its stream records for the same reason.
 */
public final class DynamoDbRefreshPause implements RefreshPause {

    /** The pause item's {@code handle_key}. */
    static final String KEY = "~refresh-pause";

    static final String PAUSED_UNTIL = "paused_until";

    private static final Map<String, AttributeValue> ITEM_KEY =
            Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(KEY));

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbRefreshPause(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** True for the pause's own item, which is no account. */
    static boolean isPauseItem(Map<String, AttributeValue> item) {
        AttributeValue key = item.get(PictureItem.HANDLE_KEY);
        return key != null && KEY.equals(key.s());
    }

    @Override
    public Optional<Instant> pausedUntil(Instant now) {
        GetItemResponse response;
        try {
            // Consistent: a worker must see a pause another wrote a moment ago.
            response = client.getItem(
                    builder -> builder.tableName(tableName).key(ITEM_KEY).consistentRead(true));
        } catch (SdkException e) {
            throw SdkFailures.failure(
                    "DynamoDB table " + tableName, "read the refresh's pause", e, StorageUnavailableException::new);
        }
        AttributeValue until = response.hasItem() ? response.item().get(PAUSED_UNTIL) : null;
        if (until == null || until.n() == null) {
            return Optional.empty();
        }
        Instant pausedUntil;
        try {
            pausedUntil = Instant.ofEpochMilli(Long.parseLong(until.n()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "The refresh's pause in table " + tableName + " is not a time: " + until.n(), e);
        }
        return pausedUntil.isAfter(now) ? Optional.of(pausedUntil) : Optional.empty();
    }

    @Override
    public void pauseUntil(Instant until) {
        try {
            client.updateItem(builder -> builder.tableName(tableName)
                    .key(ITEM_KEY)
                    .updateExpression("SET #pausedUntil = :until")
                    // Never shortens a pause: two workers that hit X's limit may be told different resets.
                    .conditionExpression("attribute_not_exists(#pausedUntil) OR #pausedUntil < :until")
                    .expressionAttributeNames(Map.of("#pausedUntil", PAUSED_UNTIL))
                    .expressionAttributeValues(
                            Map.of(":until", AttributeValue.fromN(Long.toString(until.toEpochMilli())))));
        } catch (ConditionalCheckFailedException pausedLonger) {
            // Paused until then or later already: nothing to do.
        } catch (SdkException e) {
            throw SdkFailures.failure(
                    "DynamoDB table " + tableName, "pause the refresh", e, StorageUnavailableException::new);
        }
    }
}
