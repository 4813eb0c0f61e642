package com.profilepictures.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page of users ended: the key of its last user. Clients see it only as an
 * opaque string ({@link #encode()}), base64url of that key without padding, and every string they
 * send back is checked strictly by {@link #decode(String)}: it must be exactly what
 * {@code encode} would produce for a valid handle's key.
 */
public record PageCursor(Handle lastHandle) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    // The longest valid cursor encodes a 15-character key: ceil(15 * 4 / 3) = 20 characters.
    private static final int MAX_ENCODED_LENGTH = 20;

    public PageCursor {
        if (lastHandle == null) {
            throw new InvalidCursorException("A cursor needs the handle it continues after.");
        }
    }

    public static PageCursor after(Handle lastHandle) {
        return new PageCursor(lastHandle);
    }

    /** The opaque string clients pass back as {@code lastKey}. */
    public String encode() {
        return ENCODER.encodeToString(lastHandle.key().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor a client sent back.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    public static PageCursor decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        String key;
        try {
            byte[] bytes = DECODER.decode(encoded);
            key = StandardCharsets.US_ASCII
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        Handle handle;
        try {
            handle = Handle.of(key);
        } catch (InvalidHandleException e) {
            throw invalid();
        }
        PageCursor cursor = new PageCursor(handle);
        // A key is lower case, and only one spelling of it is accepted (no padding, no stray bits).
        if (!key.equals(handle.key()) || !cursor.encode().equals(encoded)) {
            throw invalid();
        }
        return cursor;
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException(
                "lastKey is not a cursor from this service: pass back the lastKey of the previous page unchanged.");
    }
}
