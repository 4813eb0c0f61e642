package com.profilepictures.domain.refresh;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One stored picture the sweep found still not archived, sent to be archived again: what a scrape stored
 * ({@code picture} for {@code handle}, first seen at {@code scrapedAt}), as the table's stream would have said it.
 */
public record ArchiveRequest(Handle handle, PictureUrl picture, Instant scrapedAt) {

    public ArchiveRequest {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(scrapedAt, "scrapedAt");
        scrapedAt = scrapedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The request to archive {@code stored}'s current picture. */
    public static ArchiveRequest of(ProfilePicture stored) {
        return new ArchiveRequest(stored.handle(), stored.url(), stored.scrapedAt());
    }
}
