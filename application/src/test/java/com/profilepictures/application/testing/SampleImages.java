package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes that pass for an image of each kind (its magic number, then a marker naming it), so that tests can
 * tell pictures apart by their bytes and versions. No decoder reads them; the archive only checks magic numbers.
 */
public final class SampleImages {

    private SampleImages() {}

    /** Bytes of {@code type} that differ for every {@code name}. */
    public static byte[] bytes(ImageType type, String name) {
        var out = new ByteArrayOutputStream();
        byte[] magic = switch (type) {
            case JPEG -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case PNG -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            case GIF -> "GIF89a".getBytes(StandardCharsets.US_ASCII);
            case WEBP -> "RIFF\u0000\u0000\u0000\u0000WEBP".getBytes(StandardCharsets.ISO_8859_1);
        };
        out.writeBytes(magic);
        out.writeBytes(("sample picture " + name).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static byte[] jpeg(String name) {
        return bytes(ImageType.JPEG, name);
    }

    public static Image image(ImageType type, String name) {
        return new Image(type, bytes(type, name));
    }
}
