package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.StorageUnavailableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The refresh's writes to a stored account's item: a check's time and status, and the planner's queued mark.
 * Each is one conditional UpdateItem that never creates an item and never touches {@code scraped_at}: the
 * archive tells a scrape's write by {@code scraped_at} changing, so none of these is taken for a new picture.
 */
final class CheckWrites {

    // DynamoDB refuses a name placeholder that its expressions leave unused, so each condition has its own: the
    // names every check writes and compares (CHECK_FIELDS, NEWER_CHECK), and those its condition adds.
    private static final Map<String, String> CHECK_NAMES = Map.of(
            "#scrapedAt",
            PictureItem.SCRAPED_AT,
            "#checkedAt",
            PictureItem.CHECKED_AT,
            "#accountStatus",
            PictureItem.ACCOUNT_STATUS,
            "#queuedUntil",
            PictureItem.QUEUED_UNTIL);
    private static final Map<String, String> SAME_PICTURE_NAMES =
            checkNamesAnd(Map.of("#handle", PictureItem.HANDLE, "#profileUrl", PictureItem.PROFILE_URL));
    private static final Map<String, String> STORED_NAMES = checkNamesAnd(Map.of("#handleKey", PictureItem.HANDLE_KEY));
    // A check ends the planner's queued mark, so the account is due again REFRESH_AFTER after this check.
    private static final String CHECK_FIELDS =
            "SET #checkedAt = :checkedAt, #accountStatus = :accountStatus REMOVE #queuedUntil";
    // Newer wins on checked_at; an item written before checked_at existed was checked when it was scraped.
    private static final String NEWER_CHECK =
            "(#checkedAt < :checkedAt OR (attribute_not_exists(#checkedAt) AND #scrapedAt < :checkedAt))";
    // Only while the item shows this very picture (at any size) under this spelling: no item, no match.
    private static final String SAME_PICTURE =
            "#handle = :handle AND #profileUrl IN (" + sizePlaceholders() + ") AND " + NEWER_CHECK;
    private static final String STORED = "attribute_exists(#handleKey) AND " + NEWER_CHECK;

    private static final Map<String, String> QUEUE_NAMES =
            Map.of("#handleKey", PictureItem.HANDLE_KEY, "#queuedUntil", PictureItem.QUEUED_UNTIL);
    private static final String NOT_QUEUED =
            "attribute_exists(#handleKey) AND (attribute_not_exists(#queuedUntil) OR #queuedUntil <= :now)";

    private final DynamoDbClient client;
    private final String tableName;
    private final Function<Map<String, AttributeValue>, ProfilePicture> reader;
    private final Function<Handle, Optional<ProfilePicture>> find;

    CheckWrites(
            DynamoDbClient client,
            String tableName,
            Function<Map<String, AttributeValue>, ProfilePicture> reader,
            Function<Handle, Optional<ProfilePicture>> find) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.find = Objects.requireNonNull(find, "find");
    }

    CheckOutcome recordSamePicture(Handle handle, PictureUrl picture, Instant checkedAt) {
        Map<String, AttributeValue> values = checkValues(AccountStatus.ACTIVE, checkedAt);
        values.put(":handle", AttributeValue.fromS(handle.display()));
        for (PictureSize size : PictureSize.values()) {
            values.put(
                    sizePlaceholder(size),
                    AttributeValue.fromS(picture.withSize(size).value()));
        }
        Answer answer = check(handle, SAME_PICTURE, SAME_PICTURE_NAMES, values, "record a check of");
        if (answer.applied()) {
            return new CheckOutcome.Recorded(answer.item().orElseThrow());
        }
        return answer.item()
                .<CheckOutcome>map(current -> current.showsTheSamePictureAs(handle, picture)
                        ? lostOrAgain(current, AccountStatus.ACTIVE, checkedAt)
                        : new CheckOutcome.PictureChanged(current))
                .orElseGet(CheckOutcome.NotStored::new);
    }

    CheckOutcome recordAccountStatus(Handle handle, AccountStatus status, Instant checkedAt) {
        if (status == AccountStatus.ACTIVE) {
            throw new IllegalArgumentException("Only a picture shows an account active: " + handle);
        }
        Answer answer = check(handle, STORED, STORED_NAMES, checkValues(status, checkedAt), "record the state of");
        if (answer.applied()) {
            return new CheckOutcome.Recorded(answer.item().orElseThrow());
        }
        return answer.item()
                .map(current -> lostOrAgain(current, status, checkedAt))
                .orElseGet(CheckOutcome.NotStored::new);
    }

    boolean markQueued(Handle handle, Instant now, Instant until) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(handle.key())))
                    .updateExpression("SET #queuedUntil = :until")
                    .conditionExpression(NOT_QUEUED)
                    .expressionAttributeNames(QUEUE_NAMES)
                    .expressionAttributeValues(Map.of(":now", millis(now), ":until", millis(until)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException queuedOrNotStored) {
            // An SDK retry of a mark that was applied finds its own mark: queued by this very call.
            AttributeValue stored =
                    queuedOrNotStored.hasItem() ? queuedOrNotStored.item().get(PictureItem.QUEUED_UNTIL) : null;
            return stored != null && millis(until).n().equals(stored.n());
        } catch (SdkException e) {
            throw SdkFailures.failure(
                    "DynamoDB table " + tableName,
                    "queue " + handle + " for a refresh",
                    e,
                    StorageUnavailableException::new);
        }
    }

    /** Whether a check was written, and the item as it now stands (none when the account was never stored). */
    private record Answer(boolean applied, Optional<ProfilePicture> item) {}

    private Answer check(
            Handle handle,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            String action) {
        try {
            // The written item comes back with the answer, so that a check costs one write and no read.
            var written = client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(handle.key())))
                    .updateExpression(CHECK_FIELDS)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new Answer(true, Optional.of(reader.apply(written.attributes())));
        } catch (ConditionalCheckFailedException lost) {
            if (lost.hasItem() && !lost.item().isEmpty()) {
                return new Answer(false, Optional.of(reader.apply(lost.item())));
            }
            // No item, or a server that ignores ReturnValuesOnConditionCheckFailure: read what is there.
            return new Answer(false, find.apply(handle));
        } catch (SdkException e) {
            throw SdkFailures.failure(
                    "DynamoDB table " + tableName, action + " " + handle, e, StorageUnavailableException::new);
        }
    }

    /** A write that failed its condition against this very check (a retry of an applied write) was recorded. */
    private static CheckOutcome lostOrAgain(ProfilePicture current, AccountStatus status, Instant checkedAt) {
        boolean again = current.accountStatus() == status
                && current.checkedAt().equals(checkedAt.truncatedTo(ChronoUnit.MILLIS));
        return again ? new CheckOutcome.Recorded(current) : new CheckOutcome.KeptNewer(current);
    }

    private static Map<String, AttributeValue> checkValues(AccountStatus status, Instant checkedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":checkedAt", millis(checkedAt));
        values.put(":accountStatus", AttributeValue.fromS(status.wireName()));
        return values;
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static Map<String, String> checkNamesAnd(Map<String, String> conditionNames) {
        Map<String, String> names = new HashMap<>(CHECK_NAMES);
        names.putAll(conditionNames);
        return Map.copyOf(names);
    }

    private static String sizePlaceholders() {
        StringBuilder placeholders = new StringBuilder();
        for (PictureSize size : PictureSize.values()) {
            placeholders.append(size.ordinal() == 0 ? "" : ", ").append(sizePlaceholder(size));
        }
        return placeholders.toString();
    }

    private static String sizePlaceholder(PictureSize size) {
        return ":picture" + size.ordinal();
    }
}
