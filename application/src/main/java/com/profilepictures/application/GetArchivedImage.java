package com.profilepictures.application;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an account's archived picture and a time-limited URL to read it: the newest copy (the current
 * picture's, or while that one is being archived the latest earlier one), or a given version from the
 * account's own history.
 */
public final class GetArchivedImage {

    /** How long a URL handed out stays valid, at most. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final ProfilePictureRepository repository;
    private final PictureHistory history;
    private final PictureArchive archive;

    public GetArchivedImage(ProfilePictureRepository repository, PictureHistory history, PictureArchive archive) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.history = Objects.requireNonNull(history, "history");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** The newest archived copy of the account's pictures. */
    public ImageLookup newest(Handle handle) {
        Optional<ProfilePicture> stored = repository.find(handle);
        if (stored.isEmpty()) {
            return new ImageLookup.UserNotFound();
        }
        // The item's own mark spares the query whenever the current picture is archived, which is nearly always.
        // Otherwise one page of the history, newest first, and last the mark an earlier picture left: at most one
        // query per request, however long the history, so an account whose pictures fail to archive costs no more.
        ProfilePicture picture = stored.get();
        Optional<ImageVersion> version = picture.imageVersion()
                .or(() -> newestOnTheFirstPageOfHistory(handle))
                .or(() -> picture.archiveMark().map(ArchiveMark::version));
        return found(version);
    }

    /** The copy {@code version}, if the account's history has it: another account's copies are not served here. */
    public ImageLookup version(Handle handle, ImageVersion version) {
        if (repository.find(handle).isEmpty()) {
            return new ImageLookup.UserNotFound();
        }
        return found(history.findByVersion(handle, version).flatMap(HistoryEntry::image));
    }

    private ImageLookup found(Optional<ImageVersion> version) {
        return version.<ImageLookup>map(copy -> new ImageLookup.Found(copy, archive.presign(copy, VALIDITY)))
                .orElseGet(ImageLookup.NotArchived::new);
    }

    private Optional<ImageVersion> newestOnTheFirstPageOfHistory(Handle handle) {
        Page<HistoryEntry, HistoryCursor> page = history.list(handle, PageRequest.first(PageRequest.MAX_LIMIT));
        return page.items().stream()
                .map(HistoryEntry::image)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
