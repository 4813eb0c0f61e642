package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.refresh.DueCursor;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the accounts due for a refresh: one segment of a parallel Scan per call, filtered on the server to the
 * items last checked before the cut-off and not queued at the time. A sweeping request widens the same filter to
 * the pictures still not archived, so that the archive's sweep costs no scan of its own.
 *
 * <p>Why a scan and not an index on due time: the planner reads every account once per {@code REFRESH_AFTER}
 * anyway, and a scan reads the table at its storage size (10 million items of some 150 bytes are about 375
 * thousand read units, some $0.05 a run at on-demand prices), spread over as many segments, so as many
 * workers, as the run needs. An index keyed on {@code checked_at} would be written on every check, doubling
 * the write units of the refresh's most common write (an unchanged picture), and would need a write-sharded
 * key to avoid one hot partition. The filter costs nothing extra: read units count what is read, not what
 * is kept. Eventually consistent: an account missed by a stale read is due again on the next run.
 */
final class DueScan {

    private static final Map<String, String> NAMES = Map.of(
            "#scrapedAt", PictureItem.SCRAPED_AT,
            "#checkedAt", PictureItem.CHECKED_AT,
            "#queuedUntil", PictureItem.QUEUED_UNTIL);
    // An item written before checked_at existed was checked when it was scraped; one that is neither (the
    // refresh's pause) never matches.
    private static final String DUE = "(#checkedAt < :before OR (attribute_not_exists(#checkedAt) AND"
            + " #scrapedAt < :before)) AND (attribute_not_exists(#queuedUntil) OR #queuedUntil <= :now)";
    private static final Map<String, String> SWEEP_NAMES = Map.of(
            "#scrapedAt", PictureItem.SCRAPED_AT,
            "#checkedAt", PictureItem.CHECKED_AT,
            "#queuedUntil", PictureItem.QUEUED_UNTIL,
            "#profileUrl", PictureItem.PROFILE_URL,
            "#archivedUrl", PictureItem.ARCHIVED_URL,
            "#notArchivable", PictureItem.NOT_ARCHIVABLE_URL);
    // The sweep's half, on the same pages: first seen before the grace's cut-off, and no mark naming the stored URL
    // as it is written. The marks name the picture at the archived size, so an item scraped at another size passes
    // this filter archived or not, and is told apart below (the filter costs nothing: read units count what is
    // read, not what is kept).
    private static final String UNARCHIVED = "#scrapedAt < :unarchivedBefore"
            + " AND (attribute_not_exists(#archivedUrl) OR #archivedUrl <> #profileUrl)"
            + " AND (attribute_not_exists(#notArchivable) OR #notArchivable <> #profileUrl)";

    private final DynamoDbClient client;
    private final String tableName;
    private final Function<Map<String, AttributeValue>, ProfilePicture> reader;

    DueScan(DynamoDbClient client, String tableName, Function<Map<String, AttributeValue>, ProfilePicture> reader) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    DuePage find(DueRequest request) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":before", millis(request.checkedBefore().toEpochMilli()));
        values.put(":now", millis(request.now().toEpochMilli()));
        request.unarchivedBefore().ifPresent(before -> values.put(":unarchivedBefore", millis(before.toEpochMilli())));
        boolean sweeping = request.unarchivedBefore().isPresent();
        ScanResponse response;
        try {
            response = client.scan(ScanRequest.builder()
                    .tableName(tableName)
                    .segment(request.segment())
                    .totalSegments(request.totalSegments())
                    .limit(request.limit())
                    .exclusiveStartKey(request.after()
                            .map(cursor -> Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(cursor.lastKey())))
                            .orElse(null))
                    .filterExpression(sweeping ? "(" + DUE + ") OR (" + UNARCHIVED + ")" : DUE)
                    .expressionAttributeNames(sweeping ? SWEEP_NAMES : NAMES)
                    .expressionAttributeValues(values)
                    .build());
        } catch (SdkException e) {
            throw SdkFailures.failure(
                    "DynamoDB table " + tableName,
                    "find the accounts due for a refresh",
                    e,
                    StorageUnavailableException::new);
        }
        List<ProfilePicture> due = new ArrayList<>();
        List<ProfilePicture> unarchived = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            readOrSkip(item).ifPresent(picture -> {
                if (!sweeping || isDue(picture, item, request)) {
                    due.add(picture);
                }
                if (sweeping
                        && isUnarchived(
                                picture, item, request.unarchivedBefore().orElseThrow())) {
                    unarchived.add(picture);
                }
            });
        }
        Optional<DueCursor> next = Optional.empty();
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            AttributeValue key = response.lastEvaluatedKey().get(PictureItem.HANDLE_KEY);
            next = Optional.of(new DueCursor(key.s()));
        }
        return new DuePage(due, unarchived, next);
    }

    // The filter's halves again, item by item, now that one filter has kept the items either half matches.
    private static boolean isDue(ProfilePicture picture, Map<String, AttributeValue> item, DueRequest request) {
        AttributeValue queuedUntil = item.get(PictureItem.QUEUED_UNTIL);
        return picture.checkedBefore(request.checkedBefore())
                && (queuedUntil == null
                        || Long.parseLong(queuedUntil.n()) <= request.now().toEpochMilli());
    }

    private static boolean isUnarchived(ProfilePicture picture, Map<String, AttributeValue> item, Instant before) {
        AttributeValue notArchivable = item.get(PictureItem.NOT_ARCHIVABLE_URL);
        return picture.scrapedAt().isBefore(before)
                && !picture.archived()
                && (notArchivable == null
                        || !picture.url().withSize(PictureSize.ARCHIVED).value().equals(notArchivable.s()));
    }

    /** One unreadable item must not stop the refresh of every other account: it is logged and skipped. */
    private Optional<ProfilePicture> readOrSkip(Map<String, AttributeValue> item) {
        try {
            return Optional.of(reader.apply(item));
        } catch (IllegalStateException unreadable) {
            Log.LOGGER.log(
                    Level.WARNING,
                    "Skipping an unreadable item of table " + tableName + " while finding accounts due, "
                            + PictureItem.HANDLE_KEY + "=" + item.get(PictureItem.HANDLE_KEY),
                    unreadable);
            return Optional.empty();
        }
    }

    private static AttributeValue millis(long millis) {
        return AttributeValue.fromN(Long.toString(millis));
    }

    private static final class Log {
        static final System.Logger LOGGER = System.getLogger(DueScan.class.getName());
    }
}
