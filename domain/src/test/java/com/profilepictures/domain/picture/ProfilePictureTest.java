package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.page.InvalidPageRequestException;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.refresh.DueRequest;
import com.profilepictures.domain.refresh.RefreshRequest;
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
    void aScrapeIsCheckedWhenFoundAndActive() {
        var t = Instant.parse("2026-11-28T04:00:00.123456Z");

        var scrape = new ProfilePicture(Handle.of("Jack"), PICTURE, t);

        assertEquals(Instant.parse("2026-11-28T04:00:00.123Z"), scrape.checkedAt());
        assertEquals(AccountStatus.ACTIVE, scrape.accountStatus());
    }

    @Test
    void anAccountIsNeverCheckedBeforeItsPictureIsFirstSeen() {
        var t = Instant.parse("2026-11-28T04:00:00.123Z");

        assertThrows(
                IllegalArgumentException.class,
                () -> new ProfilePicture(
                        Handle.of("jack"), PICTURE, t, t.minusMillis(1), AccountStatus.ACTIVE, Optional.empty()));
    }

    @Test
    void aCheckMovesCheckedAtAndStatusOnlyAndDecidesDueness() {
        var t = Instant.parse("2026-11-28T04:00:00.123Z");
        var mark = new ArchiveMark(PICTURE, ImageVersion.of("0".repeat(64)));
        var stored = new ProfilePicture(Handle.of("Jack"), PICTURE, t, Optional.of(mark));

        var checked = stored.checked(t.plusSeconds(60), AccountStatus.SUSPENDED);

        assertEquals(
                new ProfilePicture(
                        Handle.of("Jack"), PICTURE, t, t.plusSeconds(60), AccountStatus.SUSPENDED, Optional.of(mark)),
                checked);
        assertTrue(stored.checkedBefore(t.plusMillis(1)));
        assertFalse(stored.checkedBefore(t), "checked at that very instant is not before it");
        assertFalse(checked.checkedBefore(t.plusSeconds(60)));
    }

    @Test
    void theSamePictureIsComparedAtAnySizeButWithTheSpellingStored() {
        var stored = new ProfilePicture(Handle.of("Jack"), PICTURE, Instant.parse("2026-11-28T04:00:00Z"));

        assertTrue(stored.showsTheSamePictureAs(Handle.of("Jack"), PICTURE.withSize(PictureSize.NORMAL)));
        assertTrue(stored.showsTheSamePictureAs(Handle.of("Jack"), PICTURE.withSize(PictureSize.ORIGINAL)));
        assertFalse(stored.showsTheSamePictureAs(Handle.of("jack"), PICTURE), "a new spelling is stored anew");
        assertFalse(stored.showsTheSamePictureAs(
                Handle.of("Jack"), PictureUrl.of("https://pbs.twimg.com/profile_images/2/a_400x400.jpg")));
    }

    @Test
    void statusesHaveWireNames() {
        for (AccountStatus status : AccountStatus.values()) {
            assertEquals(Optional.of(status), AccountStatus.fromWireName(status.wireName()));
        }
        assertEquals("not_found", AccountStatus.NOT_FOUND.wireName());
        assertEquals(Optional.empty(), AccountStatus.fromWireName("NOT_FOUND"));
    }

    @Test
    void refreshRequestsAreHeldBackAtMostFifteenMinutes() {
        var jack = Handle.of("jack");

        assertEquals(new RefreshRequest(jack, 1, java.time.Duration.ZERO), RefreshRequest.first(jack));
        assertThrows(
                IllegalArgumentException.class, () -> new RefreshRequest(jack, 1, java.time.Duration.ofSeconds(901)));
        assertThrows(IllegalArgumentException.class, () -> new RefreshRequest(jack, 0, java.time.Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> new RefreshRequest(jack, 1, java.time.Duration.ofSeconds(-1)));
    }

    @Test
    void aRequestSentAgainIsTheNextAttemptHeldBackUntilItsTimeOrFifteenMinutes() {
        var first = RefreshRequest.first(Handle.of("jack"));
        var now = Instant.parse("2026-11-28T04:00:00Z");

        assertEquals(
                new RefreshRequest(Handle.of("jack"), 2, java.time.Duration.ofSeconds(120)),
                first.again(now.plusSeconds(120), now));
        assertEquals(
                new RefreshRequest(Handle.of("jack"), 3, RefreshRequest.MAX_DELAY),
                first.again(now, now).again(now.plusSeconds(3600), now));
        assertEquals(
                java.time.Duration.ZERO, first.again(now.minusSeconds(1), now).delay());
    }

    @Test
    void dueRequestsNameAnExistingSegment() {
        var t = Instant.parse("2026-11-28T04:00:00Z");

        assertEquals(3, DueRequest.first(t, t, 3, 4, 100).segment());
        assertThrows(IllegalArgumentException.class, () -> DueRequest.first(t, t, 4, 4, 100));
        assertThrows(IllegalArgumentException.class, () -> DueRequest.first(t, t, -1, 4, 100));
        assertThrows(IllegalArgumentException.class, () -> DueRequest.first(t, t, 0, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> DueRequest.first(t, t, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DueRequest.first(t, t, 0, 1, DueRequest.MAX_LIMIT + 1));
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
