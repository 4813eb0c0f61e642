package com.profilepictures.domain.refresh;

import java.util.Objects;

/**
 * Where a page of due accounts ended within its segment: the storage key of the last item read. Only the
 * planner passes it back, to the store that issued it; it is never shown to a client.
 */
public record DueCursor(String lastKey) {

    public DueCursor {
        Objects.requireNonNull(lastKey, "lastKey");
        if (lastKey.isEmpty()) {
            throw new IllegalArgumentException("A due cursor names the key it continues after.");
        }
    }
}
