package com.profilepictures.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the service knows of one account: its picture, and when a scrape found it. {@code scrapedAt}
 * has millisecond precision, as stored and as served, so that comparing two pictures means the
 * same thing everywhere.
 */
public record ProfilePicture(Handle handle, PictureUrl picture, Instant scrapedAt) {

    public ProfilePicture {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(scrapedAt, "scrapedAt");
        scrapedAt = scrapedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Newer wins; on a tie the stored picture stays, so a tie is not newer. */
    public boolean isNewerThan(ProfilePicture other) {
        return scrapedAt.isAfter(other.scrapedAt);
    }
}
