package com.profilepictures.domain.picture;

import java.util.Arrays;
import java.util.Objects;

/**
 * A picture's bytes worth archiving: a JPEG, PNG, GIF or WebP whose bytes start with its type's magic
 * number, at most {@link #MAX_BYTES}. Whatever X's image host answers becomes one only through the
 * constructor or {@link #of}, so an HTML error page or a truncated download never reaches the archive.
 */
public final class Image {

    /** The largest picture kept; X's 400x400 variants are tens of kilobytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ImageType type;
    private final byte[] bytes;
    private final ImageVersion version;

    /** @throws InvalidImageException when the bytes are empty, too many, or not of {@code type} */
    public Image(ImageType type, byte[] bytes) {
        this.type = Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new InvalidImageException("The body is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImageException(
                    "The body has " + bytes.length + " bytes; at most " + MAX_BYTES + " are kept.");
        }
        if (!type.hasMagicNumberOf(bytes)) {
            throw new InvalidImageException("The body is declared " + type.mediaType() + " but does not start as one.");
        }
        this.bytes = bytes.clone();
        this.version = ImageVersion.ofBytes(this.bytes);
    }

    /**
     * What a host answered, if it is an image: the declared {@code contentType} must name a kind kept and
     * the bytes must agree with it.
     *
     * @throws InvalidImageException otherwise, saying why
     */
    public static Image of(String contentType, byte[] bytes) {
        return new Image(ImageType.ofContentType(contentType), bytes);
    }

    public ImageType type() {
        return type;
    }

    /** A copy: the image stays as it was checked. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The SHA-256 of the bytes, under which the archive keeps them. */
    public ImageVersion version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Image image && type == image.type && Arrays.equals(bytes, image.bytes);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }

    @Override
    public String toString() {
        return type.mediaType() + ", " + bytes.length + " bytes, version " + version;
    }
}
