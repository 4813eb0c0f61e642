package com.profilepictures.application;

import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.picture.ImageVersion;
import java.util.Objects;

/**
 * How archiving one stored picture ended. Every kind recorded the picture in the history first; a failure
 * worth retrying (a store or the image host unreachable) is an exception instead, and changed nothing
 * that a retry would not redo.
 */
public sealed interface ArchiveResult {

    /** The picture's history entry as it now stands. */
    HistoryEntry entry();

    /**
     * The bytes were downloaded and archived now. {@code marked} says whether the account's item carries
     * the copy; it does not when the account has shown another picture since (a late record).
     */
    record Archived(HistoryEntry entry, ImageVersion version, boolean marked) implements ArchiveResult {
        public Archived {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The picture had a copy already (seen before, or a retry): nothing was downloaded; the mark was set again. */
    record AlreadyArchived(HistoryEntry entry, ImageVersion version, boolean marked) implements ArchiveResult {
        public AlreadyArchived {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The host answered with something that is no picture to keep (404, HTML, too big): nothing was archived,
     * the account stays unarchived, and trying again would end the same way. {@code marked} says whether the
     * account's item now says so of this picture (it does not when the account shows another picture since), so
     * that the sweep leaves it alone; the next scrape of another picture is archived as usual.
     */
    record NotArchivable(HistoryEntry entry, String reason, boolean marked) implements ArchiveResult {
        public NotArchivable {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
