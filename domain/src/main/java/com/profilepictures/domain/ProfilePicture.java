package com.profilepictures.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows of one account: its picture, when a scrape found it, and the last picture of it
 * archived. {@code scrapedAt} has millisecond precision, as stored and as served, so that comparing two
 * pictures means the same thing everywhere. A scrape sets the first three; only archiving sets the mark,
 * and a later scrape keeps it (see {@link #archived()}).
 */
public record ProfilePicture(Handle handle, PictureUrl picture, Instant scrapedAt, Optional<ArchiveMark> archiveMark) {

    public ProfilePicture {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(scrapedAt, "scrapedAt");
        Objects.requireNonNull(archiveMark, "archiveMark");
        scrapedAt = scrapedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A picture as a scrape finds it: nothing is archived of it yet. */
    public ProfilePicture(Handle handle, PictureUrl picture, Instant scrapedAt) {
        this(handle, picture, scrapedAt, Optional.empty());
    }

    /** Newer wins; on a tie the stored picture stays, so a tie is not newer. */
    public boolean isNewerThan(ProfilePicture other) {
        return scrapedAt.isAfter(other.scrapedAt);
    }

    /**
     * True when {@code other} holds the very fields this scrape wrote (the handle as spelled, the picture and the
     * time), whatever either's archive mark: what a retried save finds once its first attempt was applied.
     */
    public boolean isTheSameScrapeAs(ProfilePicture other) {
        return handle.display().equals(other.handle.display())
                && picture.equals(other.picture)
                && scrapedAt.equals(other.scrapedAt);
    }

    /** True when the current picture's bytes are archived: the mark names this very picture. */
    public boolean archived() {
        return archiveMark.filter(mark -> mark.isFor(picture)).isPresent();
    }

    /** The archived copy of the current picture, if it has one yet. */
    public Optional<ImageVersion> imageVersion() {
        return archiveMark.filter(mark -> mark.isFor(picture)).map(ArchiveMark::version);
    }

    /** This picture with the mark {@code stored} carried, as a scrape's write leaves it: the scrape's fields are its own. */
    public ProfilePicture keepingTheMarkOf(ProfilePicture stored) {
        return new ProfilePicture(handle, picture, scrapedAt, stored.archiveMark);
    }
}
