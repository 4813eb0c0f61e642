package com.profilepictures.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the previous page of an account's history ended: the key of its last entry (when it was first
 * seen, and its picture). Clients see it only as an opaque string ({@link #encode()}), base64url without
 * padding of {@code <epoch millis>|<picture URL>}, and every string they send back is checked strictly by
 * {@link #decode(String)}: it must be exactly what {@code encode} would produce for a valid entry's key.
 */
public record HistoryCursor(Instant firstSeenAt, PictureUrl picture) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '|';
    // Epoch milliseconds without leading zeros; fifteen digits reach past the year 30000.
    private static final Pattern MILLIS = Pattern.compile("0|[1-9][0-9]{0,14}");
    // The longest picture URL PictureUrl accepts is under 200 characters; base64 makes 4 of every 3.
    private static final int MAX_ENCODED_LENGTH = 400;

    public HistoryCursor {
        if (firstSeenAt == null || picture == null) {
            throw new InvalidCursorException("A history cursor needs the entry it continues after.");
        }
        firstSeenAt = firstSeenAt.truncatedTo(ChronoUnit.MILLIS);
        picture = picture.withSize(PictureSize.ARCHIVED);
    }

    /** The opaque string clients pass back as {@code lastKey}. */
    public String encode() {
        String key = firstSeenAt.toEpochMilli() + String.valueOf(SEPARATOR) + picture.value();
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor a client sent back.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    public static HistoryCursor decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        String key;
        try {
            key = StandardCharsets.US_ASCII
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(DECODER.decode(encoded)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0 || !MILLIS.matcher(key.substring(0, separator)).matches()) {
            throw invalid();
        }
        HistoryCursor cursor;
        try {
            cursor = new HistoryCursor(
                    Instant.ofEpochMilli(Long.parseLong(key.substring(0, separator))),
                    PictureUrl.of(key.substring(separator + 1)));
        } catch (InvalidPictureUrlException | DateTimeException e) {
            throw invalid();
        }
        // One spelling only: the picture at the archived size, no padding, no stray bits.
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
