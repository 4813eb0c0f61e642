package com.profilepictures.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of stored pictures, and the cursor of the next page unless this was the last. */
public record Page(List<ProfilePicture> pictures, Optional<PageCursor> next) {

    public Page {
        pictures = List.copyOf(pictures);
        Objects.requireNonNull(next, "next");
    }

    public static Page last(List<ProfilePicture> pictures) {
        return new Page(pictures, Optional.empty());
    }
}
