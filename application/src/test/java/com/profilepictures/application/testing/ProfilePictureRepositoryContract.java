package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.ArchiveMark;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ImageVersion;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.PictureSize;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;
import com.profilepictures.domain.SaveOutcome;
import java.nio.charset.StandardCharsets;
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
        return new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"),
                scrapedAt);
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
        assertEquals(
                newer.picture(),
                repository.find(Handle.of("jack")).orElseThrow().picture());
    }

    @Test
    void onATieTheStoredPictureStays() {
        var repository = emptyRepository();
        var first = picture("jack", "1", T0);
        repository.saveIfNewer(first);

        SaveOutcome outcome = repository.saveIfNewer(picture("Jack", "2", T0));

        assertInstanceOf(SaveOutcome.KeptNewer.class, outcome);
        assertEquals(first.picture(), outcome.current().picture());
        assertEquals(
                first.picture(),
                repository.find(Handle.of("jack")).orElseThrow().picture());
    }

    @Test
    void savingTheVeryScrapeStoredAgainSaysSavedAsARetriedSaveMust() {
        var repository = emptyRepository();
        var scrape = picture("Jack", "1", T0);
        repository.saveIfNewer(scrape);

        SaveOutcome retried = repository.saveIfNewer(scrape);

        assertEquals(new SaveOutcome.Saved(scrape), retried);
        assertInstanceOf(
                SaveOutcome.KeptNewer.class,
                repository.saveIfNewer(picture("jack", "1", T0)),
                "another spelling at the same time is another scrape, and a tie keeps the stored one");
    }

    @Test
    void emptyRepositoryListsOneEmptyLastPage() {
        var repository = emptyRepository();

        Page<ProfilePicture, PageCursor> page = repository.list(PageRequest.first(PageRequest.DEFAULT_LIMIT));

        assertEquals(List.of(), page.items());
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
                Page<ProfilePicture, PageCursor> page = repository.list(new PageRequest<>(cursor, limit));
                assertTrue(
                        page.items().size() <= limit,
                        "limit " + limit + ": " + page.items().size());
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

        Page<ProfilePicture, PageCursor> first = repository.list(PageRequest.first(1));
        Page<ProfilePicture, PageCursor> rest = first.next()
                .map(cursor -> repository.list(PageRequest.after(cursor, 1)))
                .orElse(first);

        assertEquals(1, first.items().size());
        assertFalse(rest.next().isPresent(), "the walk ends");
    }

    protected static ArchiveMark markOf(ProfilePicture picture, String bytes) {
        return new ArchiveMark(picture.picture(), ImageVersion.ofBytes(bytes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markingTheStoredPictureMakesItArchived() {
        var repository = emptyRepository();
        var jack = picture("Jack", "1", T0);
        repository.saveIfNewer(jack);
        var mark = markOf(jack, "jack's bytes");

        boolean marked = repository.markArchived(Handle.of("JACK"), mark);

        assertTrue(marked);
        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertTrue(stored.archived());
        assertEquals(Optional.of(mark), stored.archiveMark());
        assertEquals(Optional.of(mark.version()), stored.imageVersion());
        assertEquals(jack.picture(), stored.picture(), "the scrape's fields stay");
        assertEquals(T0, stored.scrapedAt(), "the scrape's fields stay");
        assertEquals("Jack", stored.handle().display(), "the scrape's fields stay");
    }

    @Test
    void markingTwiceChangesNothing() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        var mark = markOf(jack, "bytes");
        repository.markArchived(Handle.of("jack"), mark);
        var once = repository.find(Handle.of("jack")).orElseThrow();

        assertTrue(repository.markArchived(Handle.of("jack"), mark));

        assertEquals(once, repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void aMarkForTheStoredPictureAtAnotherSizeCounts() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        var mark = new ArchiveMark(jack.picture().withSize(PictureSize.NORMAL), ImageVersion.ofBytes(new byte[] {1}));

        assertTrue(repository.markArchived(Handle.of("jack"), mark));

        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
    }

    @Test
    void aLateMarkForAnOlderPictureNeverTouchesTheNewerOne() {
        var repository = emptyRepository();
        var older = picture("jack", "1", T0);
        repository.saveIfNewer(older);
        var newer = picture("jack", "2", T0.plusSeconds(1));
        repository.saveIfNewer(newer);

        boolean marked = repository.markArchived(Handle.of("jack"), markOf(older, "older bytes"));

        assertFalse(marked);
        assertEquals(Optional.of(newer), repository.find(Handle.of("jack")), "no mark, nothing else changed");
    }

    @Test
    void markingAnAccountNeverStoredStoresNothing() {
        var repository = emptyRepository();

        boolean marked = repository.markArchived(Handle.of("ghost"), markOf(picture("ghost", "1", T0), "bytes"));

        assertFalse(marked);
        assertEquals(Optional.empty(), repository.find(Handle.of("ghost")));
        assertEquals(List.of(), repository.list(PageRequest.first(10)).items());
    }

    @Test
    void rescrapingTheSamePictureKeepsItArchivedAndTheOutcomeSaysSo() {
        var repository = emptyRepository();
        var first = picture("jack", "1", T0);
        repository.saveIfNewer(first);
        var mark = markOf(first, "bytes");
        repository.markArchived(Handle.of("jack"), mark);
        var again =
                new ProfilePicture(Handle.of("Jack"), first.picture().withSize(PictureSize.NORMAL), T0.plusSeconds(60));

        SaveOutcome outcome = repository.saveIfNewer(again);

        var expected = new ProfilePicture(again.handle(), again.picture(), again.scrapedAt(), Optional.of(mark));
        assertEquals(new SaveOutcome.Saved(expected), outcome);
        assertTrue(outcome.current().archived());
        assertEquals(Optional.of(expected), repository.find(Handle.of("jack")));
    }

    @Test
    void scrapingAnotherPictureKeepsTheOldMarkButIsNotArchivedUntilMarkedAgain() {
        var repository = emptyRepository();
        var first = picture("jack", "1", T0);
        repository.saveIfNewer(first);
        var firstMark = markOf(first, "first bytes");
        repository.markArchived(Handle.of("jack"), firstMark);
        var second = picture("jack", "2", T0.plusSeconds(60));

        SaveOutcome outcome = repository.saveIfNewer(second);
        var secondMark = markOf(second, "second bytes");
        boolean marked = repository.markArchived(Handle.of("jack"), secondMark);

        assertEquals(Optional.of(firstMark), outcome.current().archiveMark());
        assertFalse(outcome.current().archived());
        assertTrue(marked);
        assertEquals(
                Optional.of(secondMark),
                repository.find(Handle.of("jack")).orElseThrow().archiveMark());
        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
    }

    @Test
    void aLostRaceAnswersWithTheWinnerAndItsMark() {
        var repository = emptyRepository();
        var winner = picture("jack", "2", T0.plusSeconds(1));
        repository.saveIfNewer(winner);
        var mark = markOf(winner, "bytes");
        repository.markArchived(Handle.of("jack"), mark);

        SaveOutcome outcome = repository.saveIfNewer(picture("jack", "1", T0));

        assertEquals(
                new SaveOutcome.KeptNewer(
                        new ProfilePicture(winner.handle(), winner.picture(), winner.scrapedAt(), Optional.of(mark))),
                outcome);
    }

    @Test
    void listingShowsTheMarks() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        repository.saveIfNewer(picture("jill", "2", T0));
        repository.markArchived(Handle.of("jack"), markOf(jack, "bytes"));

        List<ProfilePicture> listed = repository.list(PageRequest.first(10)).items();

        assertEquals(2, listed.size());
        for (ProfilePicture picture : listed) {
            assertEquals(picture.handle().key().equals("jack"), picture.archived(), picture.toString());
        }
    }

    /** Walks every page with {@code limit}, returning the keys in the order seen; stops after 1000 pages. */
    protected static List<String> walk(ProfilePictureRepository repository, int limit) {
        List<String> keys = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        for (int pages = 0; pages < 1000; pages++) {
            Page<ProfilePicture, PageCursor> page = repository.list(new PageRequest<>(cursor, limit));
            page.items().forEach(picture -> keys.add(picture.handle().key()));
            cursor = page.next();
            if (cursor.isEmpty()) {
                return keys;
            }
        }
        throw new AssertionError("the walk did not end after 1000 pages");
    }
}
