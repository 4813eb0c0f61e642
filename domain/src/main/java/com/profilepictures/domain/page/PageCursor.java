package com.profilepictures.domain.page;

import com.profilepictures.domain.picture.Handle;

/**
 * Where the previous page of users ended: the key of its last user. Its opaque form is the base64url of
 * that lower-case key ({@link CursorCodec}).
 */
public record PageCursor(Handle lastHandle) {

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
        return CursorCodec.encode(key());
    }

    private String key() {
        return lastHandle.key();
    }

    /**
     * Reads a cursor a client sent back; a key is lower case, so {@code SkFDSw} ("JACK") is refused.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    public static PageCursor decode(String encoded) {
        return CursorCodec.decode(
                encoded, MAX_ENCODED_LENGTH, key -> new PageCursor(Handle.of(key)), PageCursor::encode);
    }
}
