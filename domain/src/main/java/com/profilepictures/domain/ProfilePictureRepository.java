package com.profilepictures.domain;

import java.util.Optional;

/**
 * Where pictures are kept, one per account. Implementations throw {@link StorageUnavailableException}
 * when the store does not answer in time; everything else is a return value.
 */
public interface ProfilePictureRepository {

    /**
     * Stores {@code picture} unless one with a later or equal {@code scrapedAt} is stored for the same
     * account, atomically, and says which happened. It writes the scrape's fields only: an
     * {@link ProfilePicture#archiveMark() archive mark} stored before stays, and the outcome carries it.
     * Saving the very scrape that is stored ({@link ProfilePicture#isTheSameScrapeAs}) says {@code Saved}: a
     * save retried after its first attempt was applied but its answer lost must not report losing to itself.
     */
    SaveOutcome saveIfNewer(ProfilePicture picture);

    /**
     * Marks the account's picture archived, atomically and only while the stored picture is
     * {@code mark}'s (at any size): a late mark for an older picture never touches a newer one. Marking
     * twice changes nothing. Says whether the stored picture now carries {@code mark}.
     */
    boolean markArchived(Handle handle, ArchiveMark mark);

    /** The picture stored for the account, whatever the capitalisation of {@code handle}. */
    Optional<ProfilePicture> find(Handle handle);

    /**
     * One page of stored pictures in no particular order. Walking from the first page along
     * {@link Page<ProfilePicture, PageCursor>#next()} until it is empty returns every picture stored throughout the walk exactly once.
     */
    Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request);
}
