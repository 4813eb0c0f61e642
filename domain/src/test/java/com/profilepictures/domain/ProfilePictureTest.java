package com.profilepictures.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfilePictureTest {

    private static final PictureUrl PICTURE = PictureUrl.of("https://pbs.twimg.com/profile_images/1/a_400x400.jpg");

    @Test
    void scrapedAtIsKeptToTheMillisecond() {
        var picture = new ProfilePicture(Handle.of("jack"), PICTURE, Instant.parse("2026-11-28T04:00:00.123456789Z"));

        assertEquals(Instant.parse("2026-11-28T04:00:00.123Z"), picture.scrapedAt());
    }

    @Test
    void laterIsNewerAndATieIsNot() {
        var t = Instant.parse("2026-11-28T04:00:00.123Z");
        var first = new ProfilePicture(Handle.of("jack"), PICTURE, t);

        assertTrue(new ProfilePicture(Handle.of("jack"), PICTURE, t.plusMillis(1)).isNewerThan(first));
        assertFalse(new ProfilePicture(Handle.of("jack"), PICTURE, t.plusNanos(999_999)).isNewerThan(first));
        assertFalse(first.isNewerThan(first));
    }

    @Test
    void theSameScrapeIsTheSameSpellingPictureAndTimeWhateverTheMark() {
        var t = Instant.parse("2026-11-28T04:00:00.123Z");
        var scrape = new ProfilePicture(Handle.of("Jack"), PICTURE, t);
        var marked = new ProfilePicture(
                Handle.of("Jack"), PICTURE, t, Optional.of(new ArchiveMark(PICTURE, ImageVersion.of("0".repeat(64)))));

        assertTrue(scrape.isTheSameScrapeAs(marked));
        assertTrue(marked.isTheSameScrapeAs(scrape));
        assertFalse(scrape.isTheSameScrapeAs(new ProfilePicture(Handle.of("jack"), PICTURE, t)));
        assertFalse(scrape.isTheSameScrapeAs(new ProfilePicture(
                Handle.of("Jack"), PictureUrl.of("https://pbs.twimg.com/profile_images/2/a_400x400.jpg"), t)));
        assertFalse(scrape.isTheSameScrapeAs(new ProfilePicture(Handle.of("Jack"), PICTURE, t.plusMillis(1))));
    }

    @Test
    void pageRequestsTakeOneToOneHundred() {
        assertEquals(1, PageRequest.first(1).limit());
        assertEquals(100, PageRequest.first(100).limit());
        assertThrows(InvalidPageRequestException.class, () -> PageRequest.first(0));
        assertThrows(InvalidPageRequestException.class, () -> PageRequest.first(101));
        assertThrows(NullPointerException.class, () -> new PageRequest<>(null, 5));
        assertEquals(Optional.empty(), PageRequest.first(5).after());
    }
}
