package com.profilepictures.domain.history;

import com.profilepictures.domain.page.CursorCodec;
import com.profilepictures.domain.page.InvalidCursorException;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Where the previous page of an account's history ended: the key of its last entry (when it was first
 * seen, and its picture), {@code <epoch millis>|<picture URL>}, in its opaque form ({@link CursorCodec}).
 */
public record HistoryCursor(Instant firstSeenAt, PictureUrl picture) {

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
        return CursorCodec.encode(key());
    }

    private String key() {
        return firstSeenAt.toEpochMilli() + String.valueOf(SEPARATOR) + picture.value();
    }

    /**
     * Reads a cursor a client sent back; one spelling only, so the picture must be at the archived size.
     *
     * @throws InvalidCursorException unless {@code encoded} is a cursor this service issued
     */
    public static HistoryCursor decode(String encoded) {
        return CursorCodec.decode(encoded, MAX_ENCODED_LENGTH, HistoryCursor::parse, HistoryCursor::encode);
    }

    private static HistoryCursor parse(String key) {
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0 || !MILLIS.matcher(key.substring(0, separator)).matches()) {
            throw new InvalidCursorException("not a history key");
        }
        return new HistoryCursor(
                Instant.ofEpochMilli(Long.parseLong(key.substring(0, separator))),
                PictureUrl.of(key.substring(separator + 1)));
    }
}
