package com.profilepictures.domain.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    @Test
    void givenTextInItsCharset_decode_answersIt() {
        assertEquals(
                Optional.of("jäck"),
                StrictText.decode("jäck".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals(
                Optional.of("jack"),
                StrictText.decode("jack".getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    }

    @Test
    void givenBytesThatAreNoTextInTheCharset_decode_answersEmptyRatherThanAReplacement() {
        assertEquals(
                Optional.empty(),
                StrictText.decode("jäck".getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII));
        assertEquals(Optional.empty(), StrictText.decode(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.UTF_8));
        assertEquals(
                Optional.empty(),
                StrictText.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, StandardCharsets.UTF_8));
    }
}
