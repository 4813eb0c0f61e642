package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.Handle;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;
import com.profilepictures.domain.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProfilePictureRepository} must do. A subclass supplies a fresh, empty repository
 * per test; the in-memory fake and the DynamoDB adapter both extend this, so they behave alike.
 */
public abstract class ProfilePictureRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    /** A repository with nothing stored, used by one test only. */
    protected abstract ProfilePictureRepository emptyRepository();

    protected static ProfilePicture picture(String handle, String id, Instant scrapedAt) {
        return new ProfilePicture(Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"), scrapedAt);
    }

    @Test
    void savedPictureIsFoundInAnyCase() {
        var repository = emptyRepository();
        var jack = picture("Jack", "1", T0);

        SaveOutcome outcome = repository.saveIfNewer(jack);

        assertEquals(new SaveOutcome.Saved(jack), outcome);
        for (String spelling : List.of("Jack", "jack", "JACK")) {
            Optional<ProfilePicture> found = repository.find(Handle.of(spelling));
            assertEquals(Optional.of(jack), found, spelling);
            assertEquals("Jack", found.orElseThrow().handle().display(), "display spelling is kept");
            assertEquals(jack.picture(), found.orElseThrow().picture());
            assertEquals(T0, found.orElseThrow().scrapedAt(), "scrapedAt keeps its milliseconds");
        }
    }

    @Test
    void handleNeverSavedIsNotFound() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("jack", "1", T0));

        assertEquals(Optional.empty(), repository.find(Handle.of("jill")));
    }

    @Test
    void newerPictureReplacesTheStoredOne() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("jack", "1", T0));
        var newer = picture("JACK", "2", T0.plusMillis(1));

        SaveOutcome outcome = repository.saveIfNewer(newer);

        assertEquals(new SaveOutcome.Saved(newer), outcome);
        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(newer.picture(), stored.picture());
        assertEquals("JACK", stored.handle().display(), "the newer scrape's spelling wins too");
        assertEquals(newer.scrapedAt(), stored.scrapedAt());
    }

    @Test
    void olderPictureNeverReplacesANewerOne() {
        var repository = emptyRepository();
        var newer = picture("jack", "2", T0);
        repository.saveIfNewer(newer);

        SaveOutcome outcome = repository.saveIfNewer(picture("jack", "1", T0.minusMillis(1)));

        assertEquals(new SaveOutcome.KeptNewer(newer), outcome);
        assertEquals(newer.picture(), repository.find(Handle.of("jack")).orElseThrow().picture());
    }

    @Test
    void onATieTheStoredPictureStays() {
        var repository = emptyRepository();
        var first = picture("jack", "1", T0);
        repository.saveIfNewer(first);

        SaveOutcome outcome = repository.saveIfNewer(picture("Jack", "2", T0));

        assertInstanceOf(SaveOutcome.KeptNewer.class, outcome);
        assertEquals(first.picture(), outcome.current().picture());
        assertEquals(first.picture(), repository.find(Handle.of("jack")).orElseThrow().picture());
    }

    @Test
    void emptyRepositoryListsOneEmptyLastPage() {
        var repository = emptyRepository();

        Page page = repository.list(PageRequest.first(PageRequest.DEFAULT_LIMIT));

        assertEquals(List.of(), page.pictures());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void walkingAllPagesReturnsEveryPictureExactlyOnce() {
        var repository = emptyRepository();
        Set<String> saved = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            String handle = (i % 2 == 0 ? "User_" : "user_") + i;
            repository.saveIfNewer(picture(handle, Integer.toString(100 + i), T0));
            saved.add(handle.toLowerCase());
        }

        List<String> walked = walk(repository, 5);

        assertEquals(saved.size(), walked.size(), "no picture twice: " + walked);
        assertEquals(saved, new HashSet<>(walked));
    }

    @Test
    void pagesHoldAtMostLimitPictures() {
        var repository = emptyRepository();
        for (int i = 0; i < 7; i++) {
            repository.saveIfNewer(picture("u" + i, Integer.toString(i + 1), T0));
        }

        for (int limit : new int[] {1, 3, 7, 100}) {
            Optional<PageCursor> cursor = Optional.empty();
            int pages = 0;
            do {
                Page page = repository.list(new PageRequest(cursor, limit));
                assertTrue(page.pictures().size() <= limit, "limit " + limit + ": " + page.pictures().size());
                cursor = page.next();
                pages++;
            } while (cursor.isPresent() && pages < 100);
            assertTrue(pages >= (7 + limit - 1) / limit, "limit " + limit + " took " + pages + " pages");
            assertTrue(pages <= 7 / limit + 1, "limit " + limit + " took " + pages + " pages");
        }
    }

    @Test
    void aPageAfterTheLastPictureIsEmptyAndLast() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("jack", "1", T0));

        Page first = repository.list(PageRequest.first(1));
        Page rest = first.next().map(cursor -> repository.list(PageRequest.after(cursor, 1))).orElse(first);

        assertEquals(1, first.pictures().size());
        assertFalse(rest.next().isPresent(), "the walk ends");
    }

    /** Walks every page with {@code limit}, returning the keys in the order seen; stops after 1000 pages. */
    protected static List<String> walk(ProfilePictureRepository repository, int limit) {
        List<String> keys = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        for (int pages = 0; pages < 1000; pages++) {
            Page page = repository.list(new PageRequest(cursor, limit));
            page.pictures().forEach(picture -> keys.add(picture.handle().key()));
            cursor = page.next();
            if (cursor.isEmpty()) {
                return keys;
            }
        }
        throw new AssertionError("the walk did not end after 1000 pages");
    }
}
