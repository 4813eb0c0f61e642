package com.profilepictures.domain;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.function.Function;

/**
 * Where the previous page of a listing ended. Clients see a cursor only as an opaque string
 * ({@link #encode()}): base64url without padding of its key's ASCII text. Every string they send back is
 * decoded strictly ({@link #decode}): it must be exactly what {@code encode} gives for a valid key, so a
 * cursor has one spelling only (no padding, no stray bits, no other bytes).
 */
public interface Cursor {

    /** The cursor's key, in ASCII; {@link #encode()} is its opaque form. */
    String key();

    /** The opaque string clients pass back as {@code lastKey}. */
    default String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor a client sent back: {@code parse} builds it from the decoded key and throws an
     * {@link IllegalArgumentException} (say, an invalid handle) or {@link DateTimeException} for a key
     * that names nothing valid.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    static <C extends Cursor> C decode(String encoded, int maxEncodedLength, Function<String, C> parse) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > maxEncodedLength) {
            throw invalid();
        }
        C cursor;
        try {
            String key = StrictText.decode(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII)
                    .orElseThrow(Cursor::invalid);
            cursor = parse.apply(key);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            throw invalid();
        }
        if (!cursor.encode().equals(encoded)) {
            throw invalid();
        }
        return cursor;
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException(
                "lastKey is not a cursor from this service: pass back the lastKey of the previous page unchanged.");
    }
}
