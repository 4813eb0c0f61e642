package com.profilepictures.domain.refresh;

import com.profilepictures.domain.picture.ProfilePicture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts due for a refresh, the stored pictures still not archived (when the request sweeps; an account can be
 * in both), and the cursor of the rest of the segment unless this page ended it. A page can hold fewer accounts
 * than its request's limit, even none, and still have a next one: the limit bounds the accounts read, and only
 * those due or unarchived are kept.
 */
public record DuePage(List<ProfilePicture> accounts, List<ProfilePicture> unarchived, Optional<DueCursor> next) {

    public DuePage {
        accounts = List.copyOf(accounts);
        unarchived = List.copyOf(unarchived);
        Objects.requireNonNull(next, "next");
    }

    /** A page of due accounts only: a request that does not sweep. */
    public DuePage(List<ProfilePicture> accounts, Optional<DueCursor> next) {
        this(accounts, List.of(), next);
    }
}
