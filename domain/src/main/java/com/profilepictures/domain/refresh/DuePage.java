package com.profilepictures.domain.refresh;

import com.profilepictures.domain.picture.ProfilePicture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts due for a refresh, and the cursor of the rest of the segment unless this page ended it. A page
 * can hold fewer accounts than its request's limit, even none, and still have a next one: the limit bounds
 * the accounts read, and only those due are kept.
 */
public record DuePage(List<ProfilePicture> accounts, Optional<DueCursor> next) {

    public DuePage {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(next, "next");
    }
}
