package com.profilepictures.application;

import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.InvalidImageException;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.time.Instant;
import java.util.Objects;

/**
 * Archives a picture a scrape stored: records it in the account's history and, unless it has a copy
 * already, downloads its {@link PictureSize#ARCHIVED} bytes from X, keeps them if they are an image, and
 * marks the history entry and the account's item. Each step can be repeated without harm, and each is
 * done only once what it points at exists (the copy before the entry names it, the entry before the item
 * is marked), so a retry after any failure finishes the job and nothing points at a missing copy. A picture the
 * host refuses for good (404, not an image, too big) is marked so on the account's item, for the sweep to leave it.
 */
public final class ArchivePicture {

    private final PictureHistory history;
    private final PictureHost host;
    private final PictureArchive archive;
    private final ProfilePictureRepository repository;

    public ArchivePicture(
            PictureHistory history, PictureHost host, PictureArchive archive, ProfilePictureRepository repository) {
        this.history = Objects.requireNonNull(history, "history");
        this.host = Objects.requireNonNull(host, "host");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** {@code picture} is what a scrape stored for {@code handle} at {@code scrapedAt}. */
    public ArchiveResult archive(Handle handle, PictureUrl picture, Instant scrapedAt) {
        HistoryEntry entry = history.record(handle, picture, scrapedAt);
        if (entry.image().isPresent()) {
            ImageVersion version = entry.image().get();
            return new ArchiveResult.AlreadyArchived(entry, version, mark(handle, entry, version));
        }

        Image image;
        switch (host.download(entry.picture())) {
            case PictureDownload.Refused(String detail) -> {
                return notArchivable(handle, entry, detail);
            }
            case PictureDownload.Downloaded(String contentType, byte[] body) -> {
                try {
                    image = Image.of(contentType, body);
                } catch (InvalidImageException notAnImage) {
                    return notArchivable(handle, entry, notAnImage.getMessage());
                }
            }
        }

        // Put without asking first: the same bytes land on the same key, so a repeat leaves one copy, and the
        // archiving function needs no right to read the bucket (a HEAD of a missing key needs s3:ListBucket).
        archive.put(image);
        HistoryEntry attached = history.attach(handle, entry.picture(), image.version());
        // The entry keeps the first copy attached to it, which a concurrent archiving may have won.
        ImageVersion version = attached.image()
                .orElseThrow(() -> new IllegalStateException("The history entry of " + entry.picture() + " for @"
                        + handle + " has no copy after attaching one."));
        return new ArchiveResult.Archived(attached, version, mark(handle, attached, version));
    }

    // Marked on the account's item, naming the picture, so that the sweep never sends it again (a newer picture
    // of the account is swept as usual); a late record of an older picture marks nothing.
    private ArchiveResult notArchivable(Handle handle, HistoryEntry entry, String reason) {
        return new ArchiveResult.NotArchivable(entry, reason, repository.markNotArchivable(handle, entry.picture()));
    }

    private boolean mark(Handle handle, HistoryEntry entry, ImageVersion version) {
        return repository.markArchived(handle, new ArchiveMark(entry.picture(), version));
    }
}
