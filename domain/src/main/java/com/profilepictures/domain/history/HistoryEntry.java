package com.profilepictures.domain.history;

import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.StoredTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One picture an account has shown: when it was first and last stored, and its archived copy once it
 * has one. The picture is named at {@link PictureSize#ARCHIVED}, so that scrapes finding it at other
 * sizes share the entry. Times have millisecond precision, as stored.
 */
public record HistoryEntry(PictureUrl picture, Instant firstSeenAt, Instant lastSeenAt, Optional<ImageVersion> image) {

    public HistoryEntry {
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(image, "image");
        picture = picture.withSize(PictureSize.ARCHIVED);
        firstSeenAt = StoredTime.of(firstSeenAt, "firstSeenAt");
        lastSeenAt = StoredTime.of(lastSeenAt, "lastSeenAt");
        if (lastSeenAt.isBefore(firstSeenAt)) {
            throw new IllegalArgumentException("A picture is last seen no earlier than first: " + firstSeenAt + " > "
                    + lastSeenAt + " for " + picture);
        }
    }

    /** Where a page that ends with this entry continues. */
    public HistoryCursor cursor() {
        return new HistoryCursor(firstSeenAt, picture);
    }
}
