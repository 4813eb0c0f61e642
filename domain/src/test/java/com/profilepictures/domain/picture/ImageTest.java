package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTest {

    /** The first bytes of a real file of each kind, and a little more. */
    static byte[] sample(ImageType type) {
        byte[] start = switch (type) {
            case JPEG -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
            case PNG ->
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
            case GIF -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
            case WEBP -> "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        };
        return Arrays.copyOf(start, start.length + 32);
    }

    @ParameterizedTest
    @EnumSource(ImageType.class)
    void bytesOfTheDeclaredKindAreAnImage(ImageType type) {
        byte[] bytes = sample(type);

        Image image = Image.of(type.mediaType(), bytes);

        assertEquals(type, image.type());
        assertArrayEquals(bytes, image.bytes());
        assertEquals(ImageVersion.ofBytes(bytes), image.version());
    }

    @Test
    void theContentTypesParametersAndCaseDoNotMatter() {
        assertEquals(
                ImageType.JPEG,
                Image.of("Image/JPEG; charset=binary", sample(ImageType.JPEG)).type());
    }

    @Test
    void aGif87IsAGifToo() {
        byte[] gif87 = Arrays.copyOf("GIF87a".getBytes(StandardCharsets.US_ASCII), 20);

        assertEquals(ImageType.GIF, Image.of("image/gif", gif87).type());
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(ImageType.values())
                .flatMap(declared -> Stream.of(ImageType.values())
                        .filter(actual -> actual != declared)
                        .map(actual -> Arguments.of(declared, actual)));
    }

    @ParameterizedTest
    @MethodSource("mismatches")
    void bytesOfAnotherKindThanDeclaredAreRejected(ImageType declared, ImageType actual) {
        var thrown = assertThrows(InvalidImageException.class, () -> Image.of(declared.mediaType(), sample(actual)));

        assertTrue(thrown.getMessage().contains(declared.mediaType()), thrown.getMessage());
    }

    @Test
    void anHtmlPageDeclaredAsAJpegIsRejected() {
        byte[] html = "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThrows(InvalidImageException.class, () -> Image.of("image/jpeg", html));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"text/html; charset=utf-8", "image/svg+xml", "image/jpg", "application/octet-stream", "", "image"
            })
    void otherDeclaredTypesAreRejectedWhateverTheBytes(String contentType) {
        var thrown = assertThrows(InvalidImageException.class, () -> Image.of(contentType, sample(ImageType.JPEG)));

        assertTrue(thrown.getMessage().startsWith("Content-Type '"), thrown.getMessage());
    }

    @Test
    void noDeclaredTypeIsRejected() {
        assertEquals(
                "No Content-Type was declared.",
                assertThrows(InvalidImageException.class, () -> Image.of(null, sample(ImageType.PNG)))
                        .getMessage());
    }

    @Test
    void emptyAndTruncatedBodiesAreRejected() {
        assertThrows(InvalidImageException.class, () -> Image.of("image/png", new byte[0]));
        assertThrows(InvalidImageException.class, () -> Image.of("image/png", Arrays.copyOf(sample(ImageType.PNG), 7)));
        assertThrows(
                InvalidImageException.class, () -> Image.of("image/webp", Arrays.copyOf(sample(ImageType.WEBP), 11)));
    }

    @Test
    void twoMebibytesAreKeptAndOneByteMoreIsNot() {
        byte[] largest = Arrays.copyOf(sample(ImageType.JPEG), Image.MAX_BYTES);
        byte[] tooLarge = Arrays.copyOf(sample(ImageType.JPEG), Image.MAX_BYTES + 1);

        assertEquals(Image.MAX_BYTES, Image.of("image/jpeg", largest).size());
        var thrown = assertThrows(InvalidImageException.class, () -> Image.of("image/jpeg", tooLarge));
        assertEquals("The body has 2097153 bytes; at most 2097152 are kept.", thrown.getMessage());
    }

    @Test
    void anImageCannotBeChangedThroughTheArraysItWasGivenOrGave() {
        byte[] bytes = sample(ImageType.PNG);
        Image image = Image.of("image/png", bytes);
        ImageVersion version = image.version();

        bytes[20] = 42;
        image.bytes()[21] = 42;

        assertEquals(version, ImageVersion.ofBytes(image.bytes()));
        assertEquals(Image.of("image/png", sample(ImageType.PNG)), image);
    }
}
