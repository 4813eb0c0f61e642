package com.profilepictures.domain;

import java.util.Objects;
import java.util.Optional;

/** Which page of an account's history to read: the newest, or the one after a cursor; at most {@code limit} entries. */
public record HistoryPageRequest(Optional<HistoryCursor> after, int limit) {

    public HistoryPageRequest {
        Objects.requireNonNull(after, "after");
        PageRequest.checkLimit(limit);
    }

    public static HistoryPageRequest first(int limit) {
        return new HistoryPageRequest(Optional.empty(), limit);
    }

    public static HistoryPageRequest after(HistoryCursor cursor, int limit) {
        return new HistoryPageRequest(Optional.of(cursor), limit);
    }
}
