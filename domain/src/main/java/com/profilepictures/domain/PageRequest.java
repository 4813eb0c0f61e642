package com.profilepictures.domain;

import java.util.Objects;
import java.util.Optional;

/** Which page of users to list: the first, or the one after a cursor; at most {@code limit} users. */
public record PageRequest(Optional<PageCursor> after, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 25;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        checkLimit(limit);
    }

    /** Every listing (users, a history) serves pages of the same sizes. */
    static void checkLimit(int limit) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new InvalidPageRequestException(
                    "limit must be a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT + ".");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest after(PageCursor cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
