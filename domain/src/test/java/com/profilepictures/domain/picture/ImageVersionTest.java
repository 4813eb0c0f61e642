package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageVersionTest {

    @Test
    void theVersionOfBytesIsTheirSha256InLowerCaseHex() {
        // sha256("abc"), from FIPS 180-2's examples.
        var version = ImageVersion.ofBytes("abc".getBytes(StandardCharsets.US_ASCII));

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", version.sha256());
        assertEquals(version, ImageVersion.of(version.sha256()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", // upper case: one spelling only
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", // 63
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015add", // 65
                "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a\n",
                " ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            })
    void anythingButSixtyFourLowerCaseHexDigitsIsRejected(String candidate) {
        var thrown = assertThrows(InvalidImageVersionException.class, () -> ImageVersion.of(candidate));

        assertEquals(
                "A version is the SHA-256 of a picture's bytes: 64 lower-case hex digits (0-9, a-f).",
                thrown.getMessage());
    }

    @Test
    void aMissingVersionIsRejected() {
        assertThrows(InvalidImageVersionException.class, () -> ImageVersion.of(null));
    }
}
