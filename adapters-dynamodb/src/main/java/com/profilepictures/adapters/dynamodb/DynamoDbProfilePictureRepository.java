package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.AccountStatus;
import com.profilepictures.domain.ArchiveMark;
import com.profilepictures.domain.CheckOutcome;
import com.profilepictures.domain.DuePage;
import com.profilepictures.domain.DueRequest;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ImageVersion;
import com.profilepictures.domain.InvalidHandleException;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.PictureSize;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;
import com.profilepictures.domain.SaveOutcome;
import com.profilepictures.domain.StorageUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The picture repository on one DynamoDB table, one item per account keyed by the lower-cased handle
 * ({@code handle_key}), newest scrape wins. A scrape updates its own attributes only, so the archive
 * mark that archiving adds stays through re-scrapes.
 */
public final class DynamoDbProfilePictureRepository implements ProfilePictureRepository {

    // Every attribute through a placeholder: no attribute name can collide with DynamoDB's reserved words.
    private static final Map<String, String> NAMES = Map.of(
            "#handleKey", PictureItem.HANDLE_KEY,
            "#handle", PictureItem.HANDLE,
            "#profileUrl", PictureItem.PROFILE_URL,
            "#scrapedAt", PictureItem.SCRAPED_AT,
            "#checkedAt", PictureItem.CHECKED_AT,
            "#accountStatus", PictureItem.ACCOUNT_STATUS);
    // A scrape that stores a picture has checked the account, and found it active.
    private static final String SCRAPE_FIELDS = "SET #handle = :handle, #profileUrl = :profileUrl,"
            + " #scrapedAt = :scrapedAt, #checkedAt = :checkedAt, #accountStatus = :accountStatus";
    // One conditional write decides the race on the server, so concurrent scrapes cannot both win.
    private static final String NEWER_WINS = "attribute_not_exists(#handleKey) OR #scrapedAt < :scrapedAt";

    private static final Map<String, String> MARK_NAMES = Map.of(
            "#profileUrl", PictureItem.PROFILE_URL,
            "#archivedUrl", PictureItem.ARCHIVED_URL,
            "#imageVersion", PictureItem.IMAGE_VERSION);
    private static final String MARK_FIELDS = "SET #archivedUrl = :archivedUrl, #imageVersion = :imageVersion";
    // Only while the item shows the marked picture, at whichever size it was scraped: a late mark for an older
    // picture fails here and leaves the newer one alone, and no item is created for an account never stored.
    private static final String STILL_THE_MARKED_PICTURE = sizesCondition();
    // Held here so that building the repository builds the schema (its converters are some 160 classes): in
    // Lambda's init phase, before a SnapStart snapshot, rather than in the first request that finds an item.
    private static final TableSchema<PictureItem> SCHEMA = PictureItem.SCHEMA;

    private final DynamoDbClient client;
    private final String tableName;
    private final CheckWrites checks;
    private final DueScan due;

    public DynamoDbProfilePictureRepository(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.checks = new CheckWrites(client, tableName, this::toDomain, this::find);
        this.due = new DueScan(client, tableName, this::toDomain);
    }

    @Override
    public CheckOutcome recordSamePicture(Handle handle, PictureUrl picture, Instant checkedAt) {
        return checks.recordSamePicture(handle, picture, checkedAt);
    }

    @Override
    public CheckOutcome recordAccountStatus(Handle handle, AccountStatus status, Instant checkedAt) {
        return checks.recordAccountStatus(handle, status, checkedAt);
    }

    @Override
    public boolean markQueued(Handle handle, Instant now, Instant until) {
        return checks.markQueued(handle, now, until);
    }

    @Override
    public DuePage findDue(DueRequest request) {
        return due.find(request);
    }

    @Override
    public SaveOutcome saveIfNewer(ProfilePicture picture) {
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(keyOf(picture.handle()))
                .updateExpression(SCRAPE_FIELDS)
                .conditionExpression(NEWER_WINS)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(
                        ":handle", AttributeValue.fromS(picture.handle().display()),
                        ":profileUrl", AttributeValue.fromS(picture.picture().value()),
                        ":scrapedAt",
                                AttributeValue.fromN(
                                        Long.toString(picture.scrapedAt().toEpochMilli())),
                        ":checkedAt",
                                AttributeValue.fromN(
                                        Long.toString(picture.checkedAt().toEpochMilli())),
                        ":accountStatus",
                                AttributeValue.fromS(picture.accountStatus().wireName())))
                // The winning write returns the item with the mark it kept; the losing one, the winner it lost to.
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        UpdateItemResponse response;
        try {
            response = client.updateItem(request);
        } catch (ConditionalCheckFailedException lost) {
            ProfilePicture winner = winnerOf(lost, picture.handle());
            // The SDK retries an attempt whose answer timed out; if that attempt was applied, the retry fails its
            // condition against this very scrape, which was saved, not beaten.
            return winner.isTheSameScrapeAs(picture)
                    ? new SaveOutcome.Saved(winner)
                    : new SaveOutcome.KeptNewer(winner);
        } catch (SdkException e) {
            throw failure("save the picture of " + picture.handle(), e);
        }
        return new SaveOutcome.Saved(toDomain(response.attributes()));
    }

    @Override
    public boolean markArchived(Handle handle, ArchiveMark mark) {
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
                    .key(keyOf(handle))
                    .updateExpression(MARK_FIELDS)
                    .conditionExpression(STILL_THE_MARKED_PICTURE)
                    .expressionAttributeNames(MARK_NAMES)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException anotherPicture) {
            return false;
        } catch (SdkException e) {
            throw failure("mark the picture of " + handle + " archived", e);
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

    private static Map<String, AttributeValue> keyOf(Handle handle) {
        return Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(handle.key()));
    }

    @Override
    public Optional<ProfilePicture> find(Handle handle) {
        return read(handle).map(this::toDomain);
    }

    @Override
    public Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
        List<ProfilePicture> pictures = new ArrayList<>();
        Map<String, AttributeValue> startKey = request.after()
                .map(cursor -> Map.of(
                        PictureItem.HANDLE_KEY,
                        AttributeValue.fromS(cursor.lastHandle().key())))
                .orElse(null);
        while (true) {
            ScanResponse response = scan(startKey, request.limit() - pictures.size());
            for (Map<String, AttributeValue> item : response.items()) {
                readForListing(item).ifPresent(pictures::add);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return Page.last(pictures);
            }
            Optional<PageCursor> next = cursorAt(response.lastEvaluatedKey());
            if (next.isPresent()) {
                return new Page<>(pictures, next);
            }
            // The page ended on an item whose key is no handle, so no cursor can name it: read on past it.
            // At least that item was skipped, so fewer than limit pictures are held and the next scan asks for one or
            // more.
            startKey = response.lastEvaluatedKey();
        }
    }

    private ScanResponse scan(Map<String, AttributeValue> startKey, int limit) {
        try {
            // Consistent, so that a walk right after a save sees it, as the port promises.
            return client.scan(ScanRequest.builder()
                    .tableName(tableName)
                    .limit(limit)
                    .exclusiveStartKey(startKey)
                    .consistentRead(true)
                    .build());
        } catch (SdkException e) {
            throw failure("list pictures", e);
        }
    }

    /**
     * Listing skips an item it cannot read, and logs it: one bad item (written by hand, or by some other
     * program) must not hide every other account from every client, and nothing a client could do would
     * make it readable. A look-up of that very account fails instead (see {@link #toDomain}).
     */
    private Optional<ProfilePicture> readForListing(Map<String, AttributeValue> item) {
        if (DynamoDbRefreshPause.isPauseItem(item)) {
            return Optional.empty();
        }
        try {
            return Optional.of(toDomain(item));
        } catch (IllegalStateException unreadable) {
            Log.LOGGER.log(
                    Level.WARNING,
                    "Skipping an unreadable item of table " + tableName + " while listing, " + PictureItem.HANDLE_KEY
                            + "=" + item.get(PictureItem.HANDLE_KEY),
                    unreadable);
            return Optional.empty();
        }
    }

    private Optional<PageCursor> cursorAt(Map<String, AttributeValue> lastEvaluatedKey) {
        AttributeValue key = lastEvaluatedKey.get(PictureItem.HANDLE_KEY);
        if (key == null || key.s() == null) {
            return Optional.empty();
        }
        try {
            Handle handle = Handle.of(key.s());
            return handle.key().equals(key.s()) ? Optional.of(PageCursor.after(handle)) : Optional.empty();
        } catch (InvalidHandleException notAHandle) {
            return Optional.empty();
        }
    }

    private ProfilePicture winnerOf(ConditionalCheckFailedException lost, Handle handle) {
        if (lost.hasItem() && !lost.item().isEmpty()) {
            return toDomain(lost.item());
        }
        // A server that ignores ReturnValuesOnConditionCheckFailure: read the winner. Items are never deleted,
        // so the item that made the condition fail is still there, or a newer one is.
        return read(handle)
                .map(this::toDomain)
                .orElseThrow(() -> new IllegalStateException("The picture of " + handle + " in table " + tableName
                        + " refused an overwrite as newer, then was gone."));
    }

    /**
     * Reads go through the low-level client and map items themselves (with the same static schema), so
     * that an item the schema cannot map is told apart from an outage, here and in listing alike.
     */
    private Optional<Map<String, AttributeValue>> read(Handle handle) {
        GetItemResponse response;
        try {
            // Consistent: a client that has just been told "saved" must find what it saved.
            response = client.getItem(GetItemRequest.builder()
                    .tableName(tableName)
                    .key(keyOf(handle))
                    .consistentRead(true)
                    .build());
        } catch (SdkException e) {
            throw failure("read the picture of " + handle, e);
        }
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * An item that breaks the domain's rules is a bug or a hand edit, not an outage: it fails loudly
     * (a 500 with a logged cause), never as "storage unavailable", which would invite pointless retries.
     */
    private ProfilePicture toDomain(Map<String, AttributeValue> item) {
        try {
            PictureItem stored = SCHEMA.mapToItem(item);
            if (stored.handle() == null || stored.profileUrl() == null || stored.scrapedAt() == null) {
                throw new IllegalArgumentException("an attribute is missing");
            }
            Handle handle = Handle.of(stored.handle());
            if (!handle.key().equals(stored.handleKey())) {
                throw new IllegalArgumentException(PictureItem.HANDLE + " does not match " + PictureItem.HANDLE_KEY);
            }
            Instant scrapedAt = Instant.ofEpochMilli(stored.scrapedAt());
            return new ProfilePicture(
                    handle,
                    PictureUrl.of(stored.profileUrl()),
                    scrapedAt,
                    // An item stored before the refresh existed was last checked when it was scraped.
                    stored.checkedAt() == null ? scrapedAt : Instant.ofEpochMilli(stored.checkedAt()),
                    statusOf(stored),
                    markOf(stored));
        } catch (RuntimeException e) {
            // Mapping fails with whatever the attribute converters throw (a NumberFormatException, say).
            throw new IllegalStateException(
                    "The item " + PictureItem.HANDLE_KEY + "=" + item.get(PictureItem.HANDLE_KEY) + " of table "
                            + tableName + " is not a valid picture: " + e.getMessage(),
                    e);
        }
    }

    private static AccountStatus statusOf(PictureItem stored) {
        if (stored.accountStatus() == null) {
            return AccountStatus.ACTIVE;
        }
        return AccountStatus.fromWireName(stored.accountStatus())
                .orElseThrow(() -> new IllegalArgumentException(
                        PictureItem.ACCOUNT_STATUS + " is no account status: " + stored.accountStatus()));
    }

    private static Optional<ArchiveMark> markOf(PictureItem stored) {
        if (stored.archivedUrl() == null && stored.imageVersion() == null) {
            return Optional.empty();
        }
        if (stored.archivedUrl() == null || stored.imageVersion() == null) {
            throw new IllegalArgumentException("the archive mark is half written");
        }
        return Optional.of(
                new ArchiveMark(PictureUrl.of(stored.archivedUrl()), ImageVersion.of(stored.imageVersion())));
    }

    private RuntimeException failure(String action, SdkException e) {
        return SdkFailures.failure("DynamoDB table " + tableName, action, e, StorageUnavailableException::new);
    }

    // Created on the first warning, not at class initialisation: java.util.logging would cost every cold
    // start two dozen classes for a line that a healthy table never causes.
    private static final class Log {
        static final System.Logger LOGGER = System.getLogger(DynamoDbProfilePictureRepository.class.getName());
    }
}
