package com.profilepictures.domain.page;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to read: the first, or the one after a cursor; at most {@code limit} items. Every
 * listing (users, a history) serves pages of the same sizes.
 */
public record PageRequest<C>(Optional<C> after, int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 25;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new InvalidPageRequestException(
                    "limit must be a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT + ".");
        }
    }

    public static <C> PageRequest<C> first(int limit) {
        return new PageRequest<>(Optional.empty(), limit);
    }

    public static <C> PageRequest<C> after(C cursor, int limit) {
        return new PageRequest<>(Optional.of(cursor), limit);
    }
}
