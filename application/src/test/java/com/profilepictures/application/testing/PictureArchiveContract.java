package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.port.PictureArchive;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link PictureArchive} must do. A subclass supplies a fresh, empty archive per test and says
 * what a client following a presigned URL gets; the in-memory fake and the S3 adapter both extend this.
 */
public abstract class PictureArchiveContract {

    private static final Duration VALIDITY = Duration.ofMinutes(15);

    /** What a client following a presigned URL is served. */
    public record Served(String contentType, byte[] body) {
        public Served {
            Objects.requireNonNull(body, "body");
        }
    }

    /** An archive with nothing in it, used by one test only. */
    protected abstract PictureArchive emptyArchive();

    /** Follows a presigned URL as a client would; empty when nothing is there to serve. */
    protected abstract Optional<Served> follow(URI presigned);

    /** How many copies the archive last made by {@link #emptyArchive()} holds. */
    protected abstract int copies();

    @ParameterizedTest
    @EnumSource(ImageType.class)
    void aKeptImageIsServedThroughItsPresignedUrlWithItsType(ImageType type) {
        var archive = emptyArchive();
        Image image = SampleImages.image(type, "jack");

        archive.put(image);

        Served served = follow(archive.presign(image.version(), VALIDITY)).orElseThrow();
        assertArrayEquals(image.bytes(), served.body());
        assertEquals(type.mediaType(), served.contentType());
    }

    @Test
    void anImageNeverKeptCanBePresignedWithoutAsking_andItsUrlServesNothing() {
        var archive = emptyArchive();
        archive.put(SampleImages.image(ImageType.PNG, "kept"));
        ImageVersion never = SampleImages.image(ImageType.PNG, "never kept").version();

        URI presigned = archive.presign(never, VALIDITY);

        assertEquals(Optional.empty(), follow(presigned));
    }

    @Test
    void keepingTheSameBytesAgainKeepsOneCopy() {
        var archive = emptyArchive();
        Image image = SampleImages.image(ImageType.JPEG, "default picture");

        archive.put(image);
        archive.put(new Image(ImageType.JPEG, image.bytes()));

        assertEquals(1, copies());
        assertArrayEquals(
                image.bytes(),
                follow(archive.presign(image.version(), VALIDITY)).orElseThrow().body());
    }

    @Test
    void differentBytesAreDifferentCopies() {
        var archive = emptyArchive();
        Image first = SampleImages.image(ImageType.JPEG, "first");
        Image second = SampleImages.image(ImageType.JPEG, "second");

        archive.put(first);
        archive.put(second);

        assertEquals(2, copies());
        assertArrayEquals(
                first.bytes(),
                follow(archive.presign(first.version(), VALIDITY)).orElseThrow().body());
        assertArrayEquals(
                second.bytes(),
                follow(archive.presign(second.version(), VALIDITY))
                        .orElseThrow()
                        .body());
    }

    @Test
    void theLargestImageKeptRoundTrips() {
        var archive = emptyArchive();
        byte[] bytes = Arrays.copyOf(SampleImages.jpeg("large"), Image.MAX_BYTES);
        bytes[bytes.length - 1] = 42;
        Image image = new Image(ImageType.JPEG, bytes);

        archive.put(image);

        assertArrayEquals(
                bytes,
                follow(archive.presign(image.version(), VALIDITY)).orElseThrow().body());
    }
}
