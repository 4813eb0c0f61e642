package com.profilepictures.domain.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/** Bytes read as text only when they are that text: a malformed or unmappable byte refuses the whole, never a '?'. */
public final class StrictText {

    private StrictText() {}

    /** The text {@code bytes} encode in {@code charset}, or empty when they are not text in it. */
    public static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }
}
