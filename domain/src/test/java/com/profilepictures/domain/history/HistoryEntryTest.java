package com.profilepictures.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.domain.page.InvalidPageRequestException;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final PictureUrl NORMAL = PictureUrl.of("https://pbs.twimg.com/profile_images/3/pic_normal.png");

    @Test
    void anEntryNamesItsPictureAtTheArchivedSize() {
        var entry = new HistoryEntry(NORMAL, T0, T0, Optional.empty());

        assertEquals(
                "https://pbs.twimg.com/profile_images/3/pic_400x400.png",
                entry.picture().value());
        assertEquals(new HistoryCursor(T0, NORMAL), entry.cursor());
    }

    @Test
    void anEntryIsLastSeenNoEarlierThanFirst() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new HistoryEntry(NORMAL, T0, T0.minusMillis(1), Optional.empty()));
        assertEquals(T0, new HistoryEntry(NORMAL, T0, T0.plusNanos(5), Optional.empty()).lastSeenAt());
    }

    @Test
    void historyPagesTakeTheSameLimitsAsUserPages() {
        assertEquals(100, PageRequest.first(100).limit());
        assertThrows(InvalidPageRequestException.class, () -> PageRequest.first(0));
        assertThrows(InvalidPageRequestException.class, () -> PageRequest.first(101));
    }
}
