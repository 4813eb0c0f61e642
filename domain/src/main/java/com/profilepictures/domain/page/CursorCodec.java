package com.profilepictures.domain.page;

import com.profilepictures.domain.history.HistoryCursor;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.function.Function;

/**
 * The one way a listing's cursor ({@link PageCursor}, {@link HistoryCursor}) is shown to clients and read
 * back: its key's ASCII text as base64url without padding, an opaque string. Every string a client sends back
 * is decoded strictly: it must be exactly what {@link #encode} gives for a valid key, so a cursor has one
 * spelling only (no padding, no stray bits, no other bytes).
 */
public final class CursorCodec {

    private CursorCodec() {}

    /** The opaque string clients pass back as {@code lastKey}. */
    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor a client sent back: {@code parse} builds it from the decoded key and throws an
     * {@link IllegalArgumentException} (say, an invalid handle) or a {@link DateTimeException} for a key that
     * names nothing valid; {@code encode} is the cursor's own, to check the spelling with.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    public static <C> C decode(
            String encoded, int maxEncodedLength, Function<String, C> parse, Function<C, String> encode) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > maxEncodedLength) {
            throw invalid();
        }
        C cursor;
        try {
            String key = StrictText.decode(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII)
                    .orElseThrow(CursorCodec::invalid);
            cursor = parse.apply(key);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            throw invalid();
        }
        if (!encode.apply(cursor).equals(encoded)) {
            throw invalid();
        }
        return cursor;
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException(
                "lastKey is not a cursor from this service: pass back the lastKey of the previous page unchanged.");
    }
}
