package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
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
            "#accountStatus", PictureItem.ACCOUNT_STATUS,
            "#queuedUntil", PictureItem.QUEUED_UNTIL);
    // A scrape that stores a picture has checked the account, and found it active.
    private static final String SCRAPE_FIELDS = "SET #handle = :handle, #profileUrl = :profileUrl,"
            + " #scrapedAt = :scrapedAt, #checkedAt = :checkedAt, #accountStatus = :accountStatus"
            // ...and ends the planner's queued mark, as a check does.
            + " REMOVE #queuedUntil";
    // One conditional write decides the race on the server, so concurrent scrapes cannot both win.
    private static final String NEWER_WINS = "attribute_not_exists(#handleKey) OR #scrapedAt < :scrapedAt";

    private final DynamoDbClient client;
    private final String tableName;
    private final PictureItems items;
    private final PictureListing listing;
    private final CheckWrites checks;
    private final DueScan due;
    private final ArchiveMarks marks;

    public DynamoDbProfilePictureRepository(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        // Building the repository builds the item schema (see PictureItems): in Lambda's init phase.
        this.items = new PictureItems(tableName);
        this.listing = new PictureListing(client, items);
        this.checks = new CheckWrites(client, tableName, items::toDomain, this::find);
        this.due = new DueScan(client, tableName, items::toDomain);
        this.marks = new ArchiveMarks(client, tableName);
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
                        ":profileUrl", AttributeValue.fromS(picture.url().value()),
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
        return new SaveOutcome.Saved(items.toDomain(response.attributes()));
    }

    @Override
    public boolean markArchived(Handle handle, ArchiveMark mark) {
        return marks.markArchived(handle, mark);
    }

    @Override
    public boolean markNotArchivable(Handle handle, PictureUrl picture) {
        return marks.markNotArchivable(handle, picture);
    }

    static Map<String, AttributeValue> keyOf(Handle handle) {
        return Map.of(PictureItem.HANDLE_KEY, AttributeValue.fromS(handle.key()));
    }

    @Override
    public Optional<ProfilePicture> find(Handle handle) {
        return read(handle).map(items::toDomain);
    }

    @Override
    public Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
        return listing.list(request);
    }

    private ProfilePicture winnerOf(ConditionalCheckFailedException lost, Handle handle) {
        if (lost.hasItem() && !lost.item().isEmpty()) {
            return items.toDomain(lost.item());
        }
        // A server that ignores ReturnValuesOnConditionCheckFailure: read the winner. Items are never deleted,
        // so the item that made the condition fail is still there, or a newer one is.
        return read(handle)
                .map(items::toDomain)
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

    static RuntimeException failure(String tableName, String action, SdkException e) {
        return SdkFailures.failure("DynamoDB table " + tableName, action, e, StorageUnavailableException::new);
    }

    private RuntimeException failure(String action, SdkException e) {
        return SdkFailures.failure("DynamoDB table " + tableName, action, e, StorageUnavailableException::new);
    }
}
