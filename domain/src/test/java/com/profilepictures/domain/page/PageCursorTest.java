package com.profilepictures.domain.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.domain.picture.Handle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void roundTripsThroughItsOpaqueForm() {
        var cursor = PageCursor.after(Handle.of("Jack_Dorsey"));

        String encoded = cursor.encode();

        assertEquals(cursor, PageCursor.decode(encoded));
        assertEquals("jack_dorsey", PageCursor.decode(encoded).lastHandle().key());
    }

    @Test
    void encodesTheLowerCasedKeyAsBase64UrlWithoutPadding() {
        assertEquals("amFjaw", PageCursor.after(Handle.of("JACK")).encode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amFjaw==", // padding
                "amFjax", // stray bits: decodes to "jack" but is not what encode() gives
                "SkFDSw", // "JACK": keys are lower case
                "QGphY2s", // "@jack"
                "amFjawo", // "jack\n"
                "YWFhYWFhYWFhYWFhYWFhYQ", // 16 characters
                "%%%",
                "a",
                "amF+aw",
                "amF/aw",
                " amFjaw",
                "eyJoYW5kbGVfa2V5Ijp7IlMiOiJqYWNrIn19", // a DynamoDB key map, not our cursor
            })
    void rejectsAnythingItDidNotIssue(String encoded) {
        assertThrows(InvalidCursorException.class, () -> PageCursor.decode(encoded));
    }

    @Test
    void rejectsNonAsciiBytes() {
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString("jäck".getBytes(StandardCharsets.UTF_8));

        assertThrows(InvalidCursorException.class, () -> PageCursor.decode(encoded));
    }

    @Test
    void rejectsNullAndEmpty() {
        assertThrows(InvalidCursorException.class, () -> PageCursor.decode(null));
        assertThrows(InvalidCursorException.class, () -> PageCursor.decode(""));
    }
}
