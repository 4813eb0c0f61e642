package com.profilepictures.domain.picture;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The kinds of image the archive keeps, each with its media type and the magic number its bytes start
 * with. X serves profile pictures as JPEG or PNG, occasionally GIF or WebP; anything else its host
 * answers (an HTML error page, say) is not a picture.
 */
public enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    WEBP("image/webp");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87_MAGIC = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89_MAGIC = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** What {@code Content-Type} says for this kind, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The kind a {@code Content-Type} header declares, parameters and case ignored.
     *
     * @throws InvalidImageException for anything but the four media types above
     */
    public static ImageType ofContentType(String contentType) {
        if (contentType == null) {
            throw new InvalidImageException("No Content-Type was declared.");
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        for (ImageType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        throw new InvalidImageException("Content-Type " + abbreviate(contentType) + " is not JPEG, PNG, GIF or WebP.");
    }

    /** True when {@code bytes} start as this kind of image must. */
    public boolean hasMagicNumberOf(byte[] bytes) {
        // A switch expression over an enum: the compiler rejects a kind left without its magic number.
        return switch (this) {
            case JPEG -> startsWith(bytes, 0, JPEG_MAGIC);
            case PNG -> startsWith(bytes, 0, PNG_MAGIC);
            case GIF -> startsWith(bytes, 0, GIF87_MAGIC) || startsWith(bytes, 0, GIF89_MAGIC);
            // "RIFF", the chunk's length (four bytes), then "WEBP".
            case WEBP -> startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG);
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? "'" + value + "'" : "'" + value.substring(0, 100) + "…'";
    }
}
