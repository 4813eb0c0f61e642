package com.profilepictures.domain.port;

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
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Where pictures are kept, one per account. Implementations throw {@link StorageUnavailableException}
 * when the store does not answer in time; everything else is a return value.
 */
public interface ProfilePictureRepository {

    /**
     * Stores {@code picture} unless one with a later or equal {@code scrapedAt} is stored for the same
     * account, atomically, and says which happened. It writes the scrape's fields only (the picture, both
     * times and the status): an {@link ProfilePicture#archiveMark() archive mark} stored before stays, and the
     * outcome carries it. Saving the very scrape that is stored ({@link ProfilePicture#isTheSameScrapeAs}) says
     * {@code Saved}: a save retried after its first attempt was applied but its answer lost must not report
     * losing to itself.
     */
    SaveOutcome saveIfNewer(ProfilePicture picture);

    /**
     * Records that a check at {@code checkedAt} found the account active and showing its stored picture
     * ({@link ProfilePicture#showsTheSamePictureAs}: {@code handle} spelt as stored, {@code picture} at any
     * size): one conditional write of the check's time and status, atomically, and only if no check at the same
     * time or later is stored. It never creates an account and never touches the picture, its first-seen time
     * or the archive mark, so the archive does not take it for a new picture. Recording the same check again
     * says {@code Recorded}.
     */
    CheckOutcome recordSamePicture(Handle handle, PictureUrl picture, Instant checkedAt);

    /**
     * Records that a check at {@code checkedAt} found the account {@code status} (never
     * {@link AccountStatus#ACTIVE}, which only a picture shows): on a stored account only, atomically, and only
     * if no check at the same time or later is stored. The picture, archive mark and history stay; an account
     * never stored stays unstored ({@link CheckOutcome.NotStored}).
     */
    CheckOutcome recordAccountStatus(Handle handle, AccountStatus status, Instant checkedAt);

    /**
     * One page of the accounts due for a refresh ({@link DueRequest}). Walking each segment from its first
     * page along {@link DuePage#next()} until it has none, the segments together return every account stored
     * throughout the walk that is due at its end exactly once, and no account that is not due. A request that sweeps
     * ({@link DueRequest#unarchivedBefore()}) also returns, on the same pages and with no read of its own, every
     * picture stored throughout the walk, first seen before that instant, that is neither archived
     * ({@link ProfilePicture#archived()}) nor marked not archivable ({@link #markNotArchivable}), exactly once.
     */
    DuePage findDue(DueRequest request);

    /**
     * Marks the stored account queued for a refresh until {@code until}, atomically and only if it is not
     * queued at {@code now} already: of two planners that find it due, one queues it. Says whether it did; the
     * very same mark again (a write retried after it was applied) says it did.
     */
    boolean markQueued(Handle handle, Instant now, Instant until);

    /**
     * Marks the account's picture archived, atomically and only while the stored picture is
     * {@code mark}'s (at any size): a late mark for an older picture never touches a newer one. Marking
     * twice changes nothing. Says whether the stored picture now carries {@code mark}.
     */
    boolean markArchived(Handle handle, ArchiveMark mark);

    /**
     * Marks the account's picture as one the archive judged it can never keep (its host answered 404, something
     * that is no image, or too much), atomically and only while the stored picture is {@code picture} (at any
     * size): the sweep leaves such a picture alone ({@link DueRequest#unarchivedBefore()}), and a later, other
     * picture is swept again. Marking twice changes nothing. Says whether the stored picture now carries the mark.
     */
    boolean markNotArchivable(Handle handle, PictureUrl picture);

    /** The picture stored for the account, whatever the capitalisation of {@code handle}. */
    Optional<ProfilePicture> find(Handle handle);

    /**
     * One page of stored pictures in no particular order. Walking from the first page along
     * {@link Page<ProfilePicture, PageCursor>#next()} until it is empty returns every picture stored throughout the walk exactly once.
     */
    Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request);
}
