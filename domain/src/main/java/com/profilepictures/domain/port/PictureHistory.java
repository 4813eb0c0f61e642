package com.profilepictures.domain.port;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.Optional;

/**
 * Every picture each account has shown, one {@link HistoryEntry} per picture, kept after X's URLs die.
 * Pictures are named at {@link PictureSize#ARCHIVED} whatever size they are given at. Implementations
 * throw {@link StorageUnavailableException} when the store does not answer in time.
 */
public interface PictureHistory {

    /**
     * Records that {@code picture} was stored for the account at {@code seenAt}: a new entry, or the
     * entry's {@code lastSeenAt} moved later (or {@code firstSeenAt} earlier, for a record that arrives
     * out of order). Recording the same sighting again changes nothing. Returns the entry as it now stands.
     */
    HistoryEntry record(Handle handle, PictureUrl picture, Instant seenAt);

    /**
     * Attaches the archived copy {@code version} to the entry of {@code picture}, which must have been
     * recorded; an entry keeps the first copy attached to it. Returns the entry as it now stands.
     */
    HistoryEntry attach(Handle handle, PictureUrl picture, ImageVersion version);

    /** One page of the account's entries, newest {@code firstSeenAt} first; each page is one query. */
    Page<HistoryEntry, HistoryCursor> list(Handle handle, PageRequest<HistoryCursor> request);

    /** The entry of this account's history whose archived copy is {@code version}; other accounts' never. */
    Optional<HistoryEntry> findByVersion(Handle handle, ImageVersion version);
}
