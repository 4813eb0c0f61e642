package com.profilepictures.application.testing;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.StorageUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history port in memory, for use-case and handler tests. It passes the same
 * {@link PictureHistoryContract} as the DynamoDB adapter. {@link #goDown()} makes every call fail as an
 * unreachable store would.
 */
public final class InMemoryPictureHistory implements PictureHistory {

    // Newest first; among entries first seen in the same millisecond, by picture, as the cursor compares them.
    private static final Comparator<HistoryCursor> NEWEST_FIRST = Comparator.comparing(HistoryCursor::firstSeenAt)
            .thenComparing(cursor -> cursor.picture().value())
            .reversed();

    private final Map<String, Map<PictureUrl, HistoryEntry>> entries = new HashMap<>();
    private volatile boolean down;

    @Override
    public synchronized HistoryEntry record(Handle handle, PictureUrl picture, Instant seenAt) {
        failIfDown();
        PictureUrl key = picture.withSize(PictureSize.ARCHIVED);
        HistoryEntry stored = entriesOf(handle).get(key);
        HistoryEntry recorded = stored == null
                ? new HistoryEntry(key, seenAt, seenAt, Optional.empty())
                : new HistoryEntry(
                        key, min(stored.firstSeenAt(), seenAt), max(stored.lastSeenAt(), seenAt), stored.image());
        entriesOf(handle).put(key, recorded);
        return recorded;
    }

    @Override
    public synchronized HistoryEntry attach(Handle handle, PictureUrl picture, ImageVersion version) {
        failIfDown();
        PictureUrl key = picture.withSize(PictureSize.ARCHIVED);
        HistoryEntry stored = entriesOf(handle).get(key);
        if (stored == null) {
            throw new IllegalStateException("No history entry of " + key + " for @" + handle + " to attach a copy to.");
        }
        HistoryEntry attached = new HistoryEntry(
                key, stored.firstSeenAt(), stored.lastSeenAt(), stored.image().or(() -> Optional.of(version)));
        entriesOf(handle).put(key, attached);
        return attached;
    }

    @Override
    public synchronized Page<HistoryEntry, HistoryCursor> list(Handle handle, PageRequest<HistoryCursor> request) {
        failIfDown();
        List<HistoryEntry> sorted = new ArrayList<>(entriesOf(handle).values());
        sorted.sort(Comparator.comparing(HistoryEntry::cursor, NEWEST_FIRST));
        List<HistoryEntry> page = new ArrayList<>();
        for (HistoryEntry entry : sorted) {
            if (request.after().isPresent()
                    && NEWEST_FIRST.compare(entry.cursor(), request.after().get()) <= 0) {
                continue;
            }
            if (page.size() == request.limit()) {
                return new Page<>(page, Optional.of(page.get(page.size() - 1).cursor()));
            }
            page.add(entry);
        }
        return Page.last(page);
    }

    @Override
    public synchronized Optional<HistoryEntry> findByVersion(Handle handle, ImageVersion version) {
        failIfDown();
        return entriesOf(handle).values().stream()
                .filter(entry -> entry.image().equals(Optional.of(version)))
                .findFirst();
    }

    /** Every call from now on throws {@link StorageUnavailableException}, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Every entry of the account, in no particular order. */
    public synchronized List<HistoryEntry> entries(Handle handle) {
        return List.copyOf(entriesOf(handle).values());
    }

    private Map<PictureUrl, HistoryEntry> entriesOf(Handle handle) {
        return entries.computeIfAbsent(handle.key(), key -> new HashMap<>());
    }

    private void failIfDown() {
        if (down) {
            throw new StorageUnavailableException("The in-memory history is down (test fault).", null);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
