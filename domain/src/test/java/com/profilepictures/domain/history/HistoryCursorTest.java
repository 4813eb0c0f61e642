package com.profilepictures.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.domain.page.InvalidCursorException;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryCursorTest {

    private static final String PICTURE = "https://pbs.twimg.com/profile_images/17/pic_400x400.jpg";

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsThroughItsOpaqueForm() {
        var cursor = new HistoryCursor(Instant.parse("2026-11-28T04:00:00.123Z"), PictureUrl.of(PICTURE));

        String encoded = cursor.encode();

        assertEquals(base64("1795838400123|" + PICTURE), encoded);
        assertEquals(cursor, HistoryCursor.decode(encoded));
    }

    @Test
    void namesItsPictureAtTheArchivedSizeAndItsTimeToTheMillisecond() {
        var cursor = new HistoryCursor(
                Instant.parse("2026-11-28T04:00:00.123999Z"),
                PictureUrl.of("https://pbs.twimg.com/profile_images/17/pic_normal.jpg"));

        assertEquals(PICTURE, cursor.picture().value());
        assertEquals(Instant.parse("2026-11-28T04:00:00.123Z"), cursor.firstSeenAt());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01795838400123|" + PICTURE, // a leading zero
                "-1|" + PICTURE,
                "1795838400123 |" + PICTURE,
                "1795838400123|https://pbs.twimg.com/profile_images/17/pic_normal.jpg", // not the archived size
                "1795838400123|https://evil.example/pic_400x400.jpg",
                "1795838400123",
                "|" + PICTURE,
                "9999999999999999|" + PICTURE, // sixteen digits
                "jack",
            })
    void rejectsKeysItWouldNotIssue(String key) {
        String encoded = base64(key);

        var thrown = assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(encoded));

        assertEquals(
                "lastKey is not a cursor from this service: pass back the lastKey of the previous page unchanged.",
                thrown.getMessage());
    }

    @Test
    void rejectsPaddingStrayBitsAndWhatIsNotBase64() {
        String valid = new HistoryCursor(Instant.ofEpochMilli(1), PictureUrl.of(PICTURE)).encode();

        for (String encoded : new String[] {
            valid + "=",
            valid + "==",
            "%%%",
            "",
            " " + valid,
            valid.substring(0, valid.length() - 1),
            "+" + valid,
            "a".repeat(401)
        }) {
            assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(encoded), encoded);
        }
        assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(null));
    }

    @Test
    void rejectsAUsersListCursor() {
        String usersCursor = PageCursor.after(Handle.of("jack")).encode();

        assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(usersCursor));
    }
}
