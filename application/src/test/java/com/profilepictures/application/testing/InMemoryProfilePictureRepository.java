package com.profilepictures.application.testing;

import com.profilepictures.domain.ArchiveMark;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;
import com.profilepictures.domain.SaveOutcome;
import com.profilepictures.domain.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The repository port in memory, for use-case and handler tests. It passes the same
 * {@link ProfilePictureRepositoryContract} as the DynamoDB adapter, so it cannot drift from it.
 * {@link #goDown()} makes every call fail as an unreachable store would. {@link #changes()} lists every
 * write that succeeded, as a table's stream would, including writes that changed nothing (moto's stream
 * has a record for those too), so that a stream consumer can be shown not to feed on its own writes.
 */
public final class InMemoryProfilePictureRepository implements ProfilePictureRepository {

    private final ConcurrentSkipListMap<String, ProfilePicture> pictures = new ConcurrentSkipListMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    /** One write that succeeded: the item before it (none for the first) and after it. */
    public record Change(Optional<ProfilePicture> before, ProfilePicture after) {
        public Change {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    // Writes hold the lock, so that each decides its race once and logs exactly the change it made.
    @Override
    public synchronized SaveOutcome saveIfNewer(ProfilePicture picture) {
        failIfDown();
        ProfilePicture stored = pictures.get(picture.handle().key());
        if (stored != null && !picture.isNewerThan(stored)) {
            return stored.isTheSameScrapeAs(picture)
                    ? new SaveOutcome.Saved(stored)
                    : new SaveOutcome.KeptNewer(stored);
        }
        // The scrape writes its own fields; a mark stored earlier stays, as in the table.
        ProfilePicture saved = stored == null ? picture : picture.keepingTheMarkOf(stored);
        write(stored, saved);
        return new SaveOutcome.Saved(saved);
    }

    @Override
    public synchronized boolean markArchived(Handle handle, ArchiveMark mark) {
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null || !mark.isFor(stored.picture())) {
            return false;
        }
        write(stored, new ProfilePicture(stored.handle(), stored.picture(), stored.scrapedAt(), Optional.of(mark)));
        return true;
    }

    private void write(ProfilePicture before, ProfilePicture after) {
        pictures.put(after.handle().key(), after);
        changes.add(new Change(Optional.ofNullable(before), after));
    }

    @Override
    public Optional<ProfilePicture> find(Handle handle) {
        failIfDown();
        return Optional.ofNullable(pictures.get(handle.key()));
    }

    @Override
    public Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
        failIfDown();
        Map<String, ProfilePicture> rest = request.after()
                .<Map<String, ProfilePicture>>map(
                        cursor -> pictures.tailMap(cursor.lastHandle().key(), false))
                .orElse(pictures);
        List<ProfilePicture> page = new ArrayList<>();
        for (ProfilePicture picture : rest.values()) {
            if (page.size() == request.limit()) {
                return new Page<>(
                        page,
                        Optional.of(PageCursor.after(page.get(page.size() - 1).handle())));
            }
            page.add(picture);
        }
        return Page.last(page);
    }

    /** Every call from now on throws {@link StorageUnavailableException}, until {@link #comeBack()}. */
    public void goDown() {
        down.set(true);
    }

    public void comeBack() {
        down.set(false);
    }

    /** Every write that succeeded so far, in order. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** How many accounts are stored. */
    public int size() {
        return pictures.size();
    }

    private void failIfDown() {
        if (down.get()) {
            throw new StorageUnavailableException("The in-memory store is down (test fault).", null);
        }
    }
}
