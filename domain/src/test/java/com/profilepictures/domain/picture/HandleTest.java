package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "jack", "Jack_Dorsey", "_jack", "123456789012345", "___"})
    void acceptsOneToFifteenLettersDigitsAndUnderscores(String value) {
        var handle = Handle.of(value);

        assertEquals(value, handle.display());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1234567890123456",
                "@jack",
                "jack\n",
                "ja ck",
                "jäck",
                "jack!",
                "ja-ck",
                "\uff4aack",
                "jack\u0000",
                " jack",
                "ja.ck"
            })
    void rejectsEverythingElse(String value) {
        var error = assertThrows(InvalidHandleException.class, () -> Handle.of(value));

        assertTrue(error.getMessage().startsWith("A handle"), error.getMessage());
    }

    @Test
    void rejectsNullWithAMessageAPersonUnderstands() {
        var error = assertThrows(InvalidHandleException.class, () -> Handle.of(null));

        assertEquals("A handle is required.", error.getMessage());
    }

    @Test
    void tooLongHandleSaysTheLimit() {
        var error = assertThrows(InvalidHandleException.class, () -> Handle.of("a".repeat(16)));

        assertEquals("A handle has at most 15 characters; this one has 16.", error.getMessage());
    }

    @Test
    void capitalisationDoesNotChangeTheAccount() {
        var upper = Handle.of("JACK");
        var mixed = Handle.of("Jack");

        assertEquals(upper, mixed);
        assertEquals(upper.hashCode(), mixed.hashCode());
        assertEquals("jack", upper.key());
        assertTrue(upper.sameAccountAs(mixed));
        assertEquals("JACK", upper.display(), "the display spelling is kept");
        assertNotEquals(Handle.of("jill"), upper);
    }

    @Test
    void keyIsLowerCasedWithoutLocaleSurprises() {
        // In a Turkish locale "I".toLowerCase() is a dotless ı; keys must not depend on the machine.
        assertEquals("imran", Handle.of("IMRAN").key());
    }
}
