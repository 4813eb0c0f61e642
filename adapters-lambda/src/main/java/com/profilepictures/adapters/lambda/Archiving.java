package com.profilepictures.adapters.lambda;

import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.ArchiveResult;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.DependencyUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * One picture archived on a handler's log line, whichever event named it (the table's stream record or the
 * sweep's message): the use case called, its outcome on the line and counted as {@code ArchiveOutcomes}, a failure
 * logged, so that the stream's and the sweep's lines read alike.
 */
final class Archiving {

    private final ArchivePicture archivePicture;
    private final Clock clock;

    /** {@code clock} times the line, from the {@code startedAt} its handler took. */
    Archiving(ArchivePicture archivePicture, Clock clock) {
        this.archivePicture = Objects.requireNonNull(archivePicture, "archivePicture");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Archives the picture and writes {@code log}; false when it failed and must come again. */
    boolean archive(Handle handle, PictureUrl picture, Instant scrapedAt, LogLine log, long startedAt) {
        log.put("handle", handle.display()).put("picture", picture.value());
        try {
            describe(archivePicture.archive(handle, picture, scrapedAt), log);
            log.count("ArchiveOutcomes", "outcome").write(clock.millis() - startedAt);
            return true;
        } catch (OutOfMemoryError fatal) {
            throw fatal;
        } catch (RuntimeException | Error failure) {
            // An outage is expected now and then and explains itself; anything else is a bug, logged in full.
            boolean outage = failure instanceof DependencyUnavailableException;
            log.put("outcome", "failed")
                    .level(outage ? Level.WARNING : Level.ERROR)
                    .failure(failure, !outage)
                    .count("ArchiveOutcomes", "outcome")
                    .write(clock.millis() - startedAt);
            return false;
        }
    }

    private static void describe(ArchiveResult result, LogLine log) {
        switch (result) {
            case ArchiveResult.Archived(var entry, ImageVersion version, boolean marked) ->
                log.put("outcome", "archived").put("version", version.sha256()).put("marked", marked);
            case ArchiveResult.AlreadyArchived(var entry, ImageVersion version, boolean marked) ->
                log.put("outcome", "already_archived")
                        .put("version", version.sha256())
                        .put("marked", marked);
            // Permanent: retrying would end the same way, so the record succeeds and the next scrape tries again.
            case ArchiveResult.NotArchivable(var entry, String reason, boolean marked) ->
                log.put("outcome", "not_archivable")
                        .put("reason", reason)
                        .put("marked", marked)
                        .level(Level.WARNING);
        }
    }
}
