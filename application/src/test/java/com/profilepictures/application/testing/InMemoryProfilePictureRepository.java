package com.profilepictures.application.testing;

import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.refresh.DueCursor;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The repository port in memory, for use-case and handler tests. It passes the same
 * {@link ProfilePictureRepositoryContract} as the DynamoDB adapter, so it cannot drift from it.
 * {@link #goDown()} makes every call fail as an unreachable store would. {@link #changes()} lists every
 * write that succeeded, as a table's stream would, including writes that changed nothing (moto's stream
 * has a record for those too), so that a stream consumer can be shown not to feed on its own writes.
 */
public final class InMemoryProfilePictureRepository implements ProfilePictureRepository {

    private final ConcurrentSkipListMap<String, ProfilePicture> pictures = new ConcurrentSkipListMap<>();
    // The planner's mark, which is no part of a picture: until when each account is queued for a refresh.
    private final Map<String, Instant> queuedUntil = new ConcurrentHashMap<>();
    // The archive's verdict that a picture can never be kept, named at the archived size, as the table keeps it.
    private final Map<String, PictureUrl> notArchivable = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger dueReads = new AtomicInteger();
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
        queuedUntil.remove(picture.handle().key()); // a scrape, like a check, ends the planner's mark
        return new SaveOutcome.Saved(saved);
    }

    @Override
    public synchronized boolean markArchived(Handle handle, ArchiveMark mark) {
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null || !mark.isFor(stored.url())) {
            return false;
        }
        write(stored, stored.markedWith(mark));
        return true;
    }

    @Override
    public synchronized boolean markNotArchivable(Handle handle, PictureUrl picture) {
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null || !stored.showsTheSamePictureAs(stored.handle(), picture)) {
            return false;
        }
        notArchivable.put(handle.key(), picture.withSize(PictureSize.ARCHIVED));
        changes.add(new Change(Optional.of(stored), stored));
        return true;
    }

    private boolean unarchived(ProfilePicture account, DueRequest request) {
        return request.unarchivedBefore()
                .filter(before -> account.scrapedAt().isBefore(before))
                .filter(before -> !account.archived())
                .filter(before -> !account.url()
                        .withSize(PictureSize.ARCHIVED)
                        .equals(notArchivable.get(account.handle().key())))
                .isPresent();
    }

    @Override
    public synchronized CheckOutcome recordSamePicture(Handle handle, PictureUrl picture, Instant checkedAt) {
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null) {
            return new CheckOutcome.NotStored();
        }
        if (!stored.showsTheSamePictureAs(handle, picture)) {
            return new CheckOutcome.PictureChanged(stored);
        }
        return check(stored, checkedAt, AccountStatus.ACTIVE);
    }

    @Override
    public synchronized CheckOutcome recordAccountStatus(Handle handle, AccountStatus status, Instant checkedAt) {
        if (status == AccountStatus.ACTIVE) {
            throw new IllegalArgumentException("Only a picture shows an account active: " + handle);
        }
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null) {
            return new CheckOutcome.NotStored();
        }
        return check(stored, checkedAt, status);
    }

    /** Newer wins on checkedAt; the very check stored already is recorded, as a retried write must say. */
    private CheckOutcome check(ProfilePicture stored, Instant checkedAt, AccountStatus status) {
        Instant at = checkedAt.truncatedTo(ChronoUnit.MILLIS);
        boolean again = stored.checkedAt().equals(at) && stored.accountStatus() == status;
        if (!at.isAfter(stored.checkedAt()) && !again) {
            return new CheckOutcome.KeptNewer(stored);
        }
        ProfilePicture checked = stored.checked(at, status);
        write(stored, checked);
        queuedUntil.remove(stored.handle().key()); // the check ends the planner's mark
        return new CheckOutcome.Recorded(checked);
    }

    @Override
    public DuePage findDue(DueRequest request) {
        failIfDown();
        dueReads.incrementAndGet();
        Map<String, ProfilePicture> rest = request.after()
                .<Map<String, ProfilePicture>>map(cursor -> pictures.tailMap(cursor.lastKey(), false))
                .orElse(pictures);
        List<ProfilePicture> due = new ArrayList<>();
        List<ProfilePicture> unarchived = new ArrayList<>();
        int read = 0;
        String lastRead = null;
        for (Map.Entry<String, ProfilePicture> entry : rest.entrySet()) {
            if (Math.floorMod(entry.getKey().hashCode(), request.totalSegments()) != request.segment()) {
                continue;
            }
            if (read == request.limit()) {
                // Like a scan, the page ends on the last item read, due or not, and more of the segment is left.
                return new DuePage(due, unarchived, Optional.of(new DueCursor(lastRead)));
            }
            read++;
            lastRead = entry.getKey();
            ProfilePicture account = entry.getValue();
            if (account.checkedBefore(request.checkedBefore()) && !queued(entry.getKey(), request.now())) {
                due.add(account);
            }
            if (unarchived(account, request)) {
                unarchived.add(account);
            }
        }
        return new DuePage(due, unarchived, Optional.empty());
    }

    private boolean queued(String key, Instant now) {
        Instant until = queuedUntil.get(key);
        return until != null && until.isAfter(now);
    }

    @Override
    public synchronized boolean markQueued(Handle handle, Instant now, Instant until) {
        failIfDown();
        ProfilePicture stored = pictures.get(handle.key());
        if (stored == null) {
            return false;
        }
        if (queued(handle.key(), now)) {
            // The very mark again is a retried write that was applied: queued by this call.
            return until.truncatedTo(ChronoUnit.MILLIS).equals(queuedUntil.get(handle.key()));
        }
        queuedUntil.put(handle.key(), until.truncatedTo(ChronoUnit.MILLIS));
        changes.add(new Change(Optional.of(stored), stored));
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

    /** How many pages of due accounts were read so far (each a scan page in the table). */
    public int dueReads() {
        return dueReads.get();
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
