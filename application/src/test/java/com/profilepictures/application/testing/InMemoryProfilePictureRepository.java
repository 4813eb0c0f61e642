package com.profilepictures.application.testing;

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
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The repository port in memory, for use-case and handler tests. It passes the same
 * {@link ProfilePictureRepositoryContract} as the DynamoDB adapter, so it cannot drift from it.
 * {@link #goDown()} makes every call fail as an unreachable store would.
 */
public final class InMemoryProfilePictureRepository implements ProfilePictureRepository {

    private final ConcurrentSkipListMap<String, ProfilePicture> pictures = new ConcurrentSkipListMap<>();
    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public SaveOutcome saveIfNewer(ProfilePicture picture) {
        failIfDown();
        var outcome = new AtomicReference<SaveOutcome>();
        pictures.compute(picture.handle().key(), (key, stored) -> {
            if (stored == null || picture.isNewerThan(stored)) {
                outcome.set(new SaveOutcome.Saved(picture));
                return picture;
            }
            outcome.set(new SaveOutcome.KeptNewer(stored));
            return stored;
        });
        return outcome.get();
    }

    @Override
    public Optional<ProfilePicture> find(Handle handle) {
        failIfDown();
        return Optional.ofNullable(pictures.get(handle.key()));
    }

    @Override
    public Page list(PageRequest request) {
        failIfDown();
        Map<String, ProfilePicture> rest = request.after()
                .<Map<String, ProfilePicture>>map(cursor -> pictures.tailMap(cursor.lastHandle().key(), false))
                .orElse(pictures);
        List<ProfilePicture> page = new ArrayList<>();
        for (ProfilePicture picture : rest.values()) {
            if (page.size() == request.limit()) {
                return new Page(page, Optional.of(PageCursor.after(page.get(page.size() - 1).handle())));
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
