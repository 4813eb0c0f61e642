package com.profilepictures.domain.picture;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows of one account: its picture (the {@code url} X serves it at) and when it was first seen ({@code scrapedAt}), when a
 * source last reached a verdict on the account ({@code checkedAt}) and what it said of the account
 * ({@code accountStatus}), and the last picture of it archived. Times have millisecond precision, as stored
 * and as served, so that comparing two of them means the same thing everywhere. A scrape that stores a
 * picture sets the picture, both times (equal) and the status {@link AccountStatus#ACTIVE}; a refresh that
 * finds the same picture, or no account, moves {@code checkedAt} (and the status) only; only archiving sets
 * the mark, and a later scrape keeps it (see {@link #archived()}). An item stored before {@code checkedAt}
 * existed reads its {@code scrapedAt} there.
 */
public record ProfilePicture(
        Handle handle,
        PictureUrl url,
        Instant scrapedAt,
        Instant checkedAt,
        AccountStatus accountStatus,
        Optional<ArchiveMark> archiveMark) {

    public ProfilePicture {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(url, "url");
        scrapedAt = StoredTime.of(scrapedAt, "scrapedAt");
        checkedAt = StoredTime.of(checkedAt, "checkedAt");
        Objects.requireNonNull(accountStatus, "accountStatus");
        Objects.requireNonNull(archiveMark, "archiveMark");
        if (checkedAt.isBefore(scrapedAt)) {
            throw new IllegalArgumentException("An account is checked no earlier than its picture is first seen: "
                    + checkedAt + " < " + scrapedAt + " for @" + handle);
        }
    }

    /** A picture as a scrape finds it: checked when found, the account active, nothing archived of it yet. */
    public ProfilePicture(Handle handle, PictureUrl picture, Instant scrapedAt) {
        this(handle, picture, scrapedAt, Optional.empty());
    }

    /** A picture a scrape stored, with the archive mark its item carries: checked when found, the account active. */
    public ProfilePicture(Handle handle, PictureUrl picture, Instant scrapedAt, Optional<ArchiveMark> archiveMark) {
        this(handle, picture, scrapedAt, scrapedAt, AccountStatus.ACTIVE, archiveMark);
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
                && url.equals(other.url)
                && scrapedAt.equals(other.scrapedAt);
    }

    /**
     * True when {@code other} is this account's stored picture as a refresh would find it again: the handle spelt
     * the same and the same picture at whatever size, so that checking it again moves {@code checkedAt} only.
     */
    public boolean showsTheSamePictureAs(Handle spelling, PictureUrl other) {
        return handle.display().equals(spelling.display())
                && url.withSize(PictureSize.ARCHIVED).equals(other.withSize(PictureSize.ARCHIVED));
    }

    /** True when no source reached a verdict on the account since {@code instant}: a refresh is due. */
    public boolean checkedBefore(Instant instant) {
        return checkedAt.isBefore(instant);
    }

    /** This account as a check at {@code at} that said {@code status} leaves it: the picture and the mark stay. */
    public ProfilePicture checked(Instant at, AccountStatus status) {
        return new ProfilePicture(handle, url, scrapedAt, at, status, archiveMark);
    }

    /** True when the current picture's bytes are archived: the mark names this very picture. */
    public boolean archived() {
        return archiveMark.filter(mark -> mark.isFor(url)).isPresent();
    }

    /** The archived copy of the current picture, if it has one yet. */
    public Optional<ImageVersion> imageVersion() {
        return archiveMark.filter(mark -> mark.isFor(url)).map(ArchiveMark::version);
    }

    /** This picture with the mark {@code stored} carried, as a scrape's write leaves it: the scrape's fields are its own. */
    public ProfilePicture keepingTheMarkOf(ProfilePicture stored) {
        return new ProfilePicture(handle, url, scrapedAt, checkedAt, accountStatus, stored.archiveMark);
    }

    /** This picture carrying {@code mark}, as archiving leaves it: every other field stays. */
    public ProfilePicture markedWith(ArchiveMark mark) {
        return new ProfilePicture(handle, url, scrapedAt, checkedAt, accountStatus, Optional.of(mark));
    }
}
