package com.profilepictures.domain.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing (the stored pictures, an account's history), and the cursor of the next page
 * unless this was the last.
 */
public record Page<T, C>(List<T> items, Optional<C> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static <T, C> Page<T, C> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }
}
