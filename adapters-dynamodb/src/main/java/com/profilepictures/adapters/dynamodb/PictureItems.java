package com.profilepictures.adapters.dynamodb;

import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads an item of the pictures' table as the domain's {@link ProfilePicture}, or fails loudly. */
final class PictureItems {

    // Held here so that building the repository builds the schema (its converters are some 160 classes): in
    // Lambda's init phase, before a SnapStart snapshot, rather than in the first request that finds an item.
    private static final TableSchema<PictureItem> SCHEMA = PictureItem.SCHEMA;

    private final String tableName;

    PictureItems(String tableName) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** The table whose items these are. */
    String tableName() {
        return tableName;
    }

    /**
     * An item that breaks the domain's rules is a bug or a hand edit, not an outage: it fails loudly
     * (a 500 with a logged cause), never as "storage unavailable", which would invite pointless retries.
     */
    ProfilePicture toDomain(Map<String, AttributeValue> item) {
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
}
