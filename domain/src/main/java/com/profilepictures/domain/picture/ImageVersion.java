package com.profilepictures.domain.picture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Which bytes an archived copy holds: the SHA-256 of its bytes, as 64 lower-case hex digits. Equal
 * bytes have one version, so the archive keeps each picture once however many accounts or URLs show it,
 * and a version names a copy for good ({@code ?version=} in image URLs).
 */
public record ImageVersion(String sha256) {

    public static final int LENGTH = 64;

    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    public ImageVersion {
        if (sha256 == null) {
            throw new InvalidImageVersionException("A version is required.");
        }
        // matches() anchors at both ends; upper case is refused so that one copy has one spelling.
        if (!LOWER_HEX.matcher(sha256).matches()) {
            throw new InvalidImageVersionException(
                    "A version is the SHA-256 of a picture's bytes: " + LENGTH + " lower-case hex digits (0-9, a-f).");
        }
    }

    public static ImageVersion of(String sha256) {
        return new ImageVersion(sha256);
    }

    /** The version of these bytes. */
    public static ImageVersion ofBytes(byte[] bytes) {
        try {
            return new ImageVersion(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return sha256;
    }
}
