package com.profilepictures.adapters.dynamodb;

import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.ProfilePicture;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The pictures' table a page at a time, for {@code GET /users}: a consistent Scan from the cursor's handle,
 * skipping (and logging) what is no picture (the refresh's pause, an item written by hand).
 */
final class PictureListing {

    private final DynamoDbClient client;
    private final PictureItems items;

    /** Lists the table of {@code items}. */
    PictureListing(DynamoDbClient client, PictureItems items) {
        this.client = Objects.requireNonNull(client, "client");
        this.items = Objects.requireNonNull(items, "items");
    }

    Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
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
                    .tableName(items.tableName())
                    .limit(limit)
                    .exclusiveStartKey(startKey)
                    .consistentRead(true)
                    .build());
        } catch (SdkException e) {
            throw DynamoDbProfilePictureRepository.failure(items.tableName(), "list pictures", e);
        }
    }

    /**
     * Listing skips an item it cannot read, and logs it: one bad item (written by hand, or by some other
     * program) must not hide every other account from every client, and nothing a client could do would
     * make it readable. A look-up of that very account fails instead (see {@link PictureItems#toDomain}).
     */
    private Optional<ProfilePicture> readForListing(Map<String, AttributeValue> item) {
        if (DynamoDbRefreshPause.isPauseItem(item)) {
            return Optional.empty();
        }
        try {
            return Optional.of(items.toDomain(item));
        } catch (IllegalStateException unreadable) {
            Log.LOGGER.log(
                    Level.WARNING,
                    "Skipping an unreadable item of table " + items.tableName() + " while listing, "
                            + PictureItem.HANDLE_KEY + "=" + item.get(PictureItem.HANDLE_KEY),
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

    // Created on the first warning, not at class initialisation: java.util.logging would cost every cold
    // start two dozen classes for a line that a healthy table never causes.
    private static final class Log {
        static final System.Logger LOGGER = System.getLogger(DynamoDbProfilePictureRepository.class.getName());
    }
}
