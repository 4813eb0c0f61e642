package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveMarkTest {

    private static final Handle JACK = Handle.of("Jack");
    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final PictureUrl OLD = PictureUrl.of("https://pbs.twimg.com/profile_images/1/old_400x400.jpg");
    private static final PictureUrl NEW_NORMAL = PictureUrl.of("https://pbs.twimg.com/profile_images/2/new_normal.jpg");
    private static final ImageVersion COPY = ImageVersion.ofBytes(new byte[] {1, 2, 3});

    @Test
    void aMarkNamesItsPictureAtTheArchivedSize() {
        var mark = new ArchiveMark(NEW_NORMAL, COPY);

        assertEquals(
                "https://pbs.twimg.com/profile_images/2/new_400x400.jpg",
                mark.picture().value());
        assertTrue(mark.isFor(NEW_NORMAL));
        assertTrue(mark.isFor(NEW_NORMAL.withSize(PictureSize.ORIGINAL)));
        assertFalse(mark.isFor(OLD));
    }

    @Test
    void aScrapedPictureIsNotArchived() {
        var scraped = new ProfilePicture(JACK, NEW_NORMAL, T0);

        assertFalse(scraped.archived());
        assertEquals(Optional.empty(), scraped.imageVersion());
    }

    @Test
    void aPictureIsArchivedExactlyWhenItsMarkNamesIt() {
        var marked = new ProfilePicture(JACK, NEW_NORMAL, T0, Optional.of(new ArchiveMark(NEW_NORMAL, COPY)));
        var markedForAnother = new ProfilePicture(JACK, NEW_NORMAL, T0, Optional.of(new ArchiveMark(OLD, COPY)));

        assertTrue(marked.archived());
        assertEquals(Optional.of(COPY), marked.imageVersion());
        assertFalse(markedForAnother.archived());
        assertEquals(Optional.empty(), markedForAnother.imageVersion());
    }

    @Test
    void aRescrapeKeepsTheStoredMarkAndIsArchivedIfItIsTheSamePicture() {
        var stored = new ProfilePicture(JACK, OLD, T0, Optional.of(new ArchiveMark(OLD, COPY)));

        var samePicture =
                new ProfilePicture(JACK, OLD.withSize(PictureSize.BIGGER), T0.plusSeconds(1)).keepingTheMarkOf(stored);
        var another = new ProfilePicture(JACK, NEW_NORMAL, T0.plusSeconds(1)).keepingTheMarkOf(stored);

        assertTrue(samePicture.archived());
        assertEquals(stored.archiveMark(), another.archiveMark());
        assertFalse(another.archived());
    }
}
