package com.profilepictures.application;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.Objects;

/**
 * What one change of the stored pictures means to archiving: a scrape stored a picture ({@link Stored}, what
 * {@link ArchivePicture} archives), or something else happened that archiving ignores ({@link Ignored}),
 * archiving's own write among them. The adapter that owns the table's schema reads its changes into this
 * (the DynamoDB adapter's {@code PictureStream}); the stream's handler only passes them on.
 */
public sealed interface ScrapeWrite {

    /** A scrape stored {@code picture} for {@code handle} at {@code scrapedAt}. */
    record Stored(Handle handle, PictureUrl picture, Instant scrapedAt) implements ScrapeWrite {
        public Stored {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(picture, "picture");
            Objects.requireNonNull(scrapedAt, "scrapedAt");
        }
    }

    /**
     * Not a scrape's write; {@code why} is for the log, {@code expected} false when it points at a
     * misconfiguration or a bug.
     */
    record Ignored(String why, boolean expected) implements ScrapeWrite {
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }
}
