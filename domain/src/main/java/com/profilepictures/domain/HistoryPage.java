package com.profilepictures.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of an account's history, newest first, and the cursor of the next page unless this was the last. */
public record HistoryPage(List<HistoryEntry> entries, Optional<HistoryCursor> next) {

    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }

    public static HistoryPage last(List<HistoryEntry> entries) {
        return new HistoryPage(entries, Optional.empty());
    }
}
