package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHistory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PictureHistory} must do. A subclass supplies a fresh, empty history per test; the
 * in-memory fake and the DynamoDB adapter both extend this, so they behave alike.
 */
public abstract class PictureHistoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    protected static final Handle JACK = Handle.of("Jack");

    /** A history with nothing in it, used by one test only. */
    protected abstract PictureHistory emptyHistory();

    protected static PictureUrl picture(String id) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg");
    }

    protected static ImageVersion version(String bytes) {
        return ImageVersion.ofBytes(bytes.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPictureRecordedOnceIsAnEntryFirstAndLastSeenThen() {
        var history = emptyHistory();

        HistoryEntry entry = history.record(JACK, picture("1"), T0);

        assertEquals(new HistoryEntry(picture("1"), T0, T0, Optional.empty()), entry);
        assertEquals(
                List.of(entry),
                history.list(Handle.of("jack"), PageRequest.first(10)).items());
    }

    @Test
    void recordingThePictureLaterMovesItsLastSeenAtOnly() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);

        HistoryEntry entry = history.record(JACK, picture("1"), T0.plusSeconds(60));

        assertEquals(new HistoryEntry(picture("1"), T0, T0.plusSeconds(60), Optional.empty()), entry);
        assertEquals(List.of(entry), history.list(JACK, PageRequest.first(10)).items(), "still one entry");
    }

    @Test
    void recordingTheSameSightingAgainChangesNothing() {
        var history = emptyHistory();
        HistoryEntry first = history.record(JACK, picture("1"), T0);

        HistoryEntry again = history.record(JACK, picture("1"), T0);

        assertEquals(first, again);
        assertEquals(List.of(first), history.list(JACK, PageRequest.first(10)).items());
    }

    @Test
    void aSightingArrivingOutOfOrderMovesFirstSeenAtEarlierAndLeavesLastSeenAt() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0.plusSeconds(60));

        HistoryEntry entry = history.record(JACK, picture("1"), T0);
        HistoryEntry between = history.record(JACK, picture("1"), T0.plusSeconds(30));

        assertEquals(new HistoryEntry(picture("1"), T0, T0.plusSeconds(60), Optional.empty()), entry);
        assertEquals(entry, between);
    }

    @Test
    void anotherSizeOfThePictureIsTheSameEntryNamedAtTheArchivedSize() {
        var history = emptyHistory();
        history.record(JACK, picture("1").withSize(PictureSize.NORMAL), T0);

        HistoryEntry entry = history.record(JACK, picture("1").withSize(PictureSize.ORIGINAL), T0.plusSeconds(1));

        assertEquals(picture("1"), entry.picture());
        assertEquals(1, history.list(JACK, PageRequest.first(10)).items().size());
    }

    @Test
    void eachAccountHasAHistoryOfItsOwnWhateverTheCaseOfItsHandle() {
        var history = emptyHistory();
        history.record(Handle.of("JACK"), picture("1"), T0);
        history.record(Handle.of("jill"), picture("2"), T0);

        assertEquals(List.of(picture("1")), pictures(history.list(Handle.of("jack"), PageRequest.first(10))));
        assertEquals(List.of(picture("2")), pictures(history.list(Handle.of("JILL"), PageRequest.first(10))));
        assertEquals(
                List.of(),
                history.list(Handle.of("nobody"), PageRequest.first(10)).items());
    }

    @Test
    void anAccountWithoutHistoryListsOneEmptyLastPage() {
        Page<HistoryEntry, HistoryCursor> page = emptyHistory().list(JACK, PageRequest.first(25));

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void aCopyAttachedToAnEntryStaysThroughLaterSightings() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);

        HistoryEntry attached = history.attach(JACK, picture("1").withSize(PictureSize.NORMAL), version("a"));
        HistoryEntry seenAgain = history.record(JACK, picture("1"), T0.plusSeconds(5));

        assertEquals(new HistoryEntry(picture("1"), T0, T0, Optional.of(version("a"))), attached);
        assertEquals(new HistoryEntry(picture("1"), T0, T0.plusSeconds(5), Optional.of(version("a"))), seenAgain);
    }

    @Test
    void anEntryKeepsTheFirstCopyAttachedToIt() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);
        history.attach(JACK, picture("1"), version("first"));

        HistoryEntry entry = history.attach(JACK, picture("1"), version("second"));

        assertEquals(Optional.of(version("first")), entry.image());
        assertEquals(Optional.empty(), history.findByVersion(JACK, version("second")));
    }

    @Test
    void attachingToAPictureNeverRecordedFailsAndRecordsNothing() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);

        assertThrows(IllegalStateException.class, () -> history.attach(JACK, picture("2"), version("a")));

        assertEquals(List.of(picture("1")), pictures(history.list(JACK, PageRequest.first(10))));
    }

    @Test
    void entriesComeNewestFirstByWhenTheyWereFirstSeen() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);
        history.record(JACK, picture("2"), T0.plusSeconds(10));
        history.record(JACK, picture("3"), T0.plusSeconds(20));
        // Seen again last of all, but first seen first: it stays last.
        history.record(JACK, picture("1"), T0.plusSeconds(30));

        Page<HistoryEntry, HistoryCursor> page = history.list(JACK, PageRequest.first(10));

        assertEquals(List.of(picture("3"), picture("2"), picture("1")), pictures(page));
    }

    @Test
    void twoPicturesStoredInTheSameMillisecondAreBothEntries() {
        var history = emptyHistory();

        history.record(JACK, picture("1"), T0);
        history.record(JACK, picture("2"), T0);

        assertEquals(
                new HashSet<>(List.of(picture("1"), picture("2"))),
                new HashSet<>(pictures(history.list(JACK, PageRequest.first(10)))));
    }

    @Test
    void walkingAllPagesReturnsEveryEntryOnceNewestFirst() {
        var history = emptyHistory();
        List<PictureUrl> recorded = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            // Pairs share a millisecond, so that pages end between entries first seen at the same time.
            history.record(JACK, picture(Integer.toString(100 + i)), T0.plusMillis(i / 2));
            recorded.add(picture(Integer.toString(100 + i)));
        }
        history.record(Handle.of("jill"), picture("999"), T0);

        for (int limit : new int[] {1, 2, 3, 4, 13, 100}) {
            List<HistoryEntry> walked = walk(history, JACK, limit);

            assertEquals(recorded.size(), walked.size(), "limit " + limit + ": " + walked);
            assertEquals(
                    new HashSet<>(recorded),
                    new HashSet<>(walked.stream().map(HistoryEntry::picture).toList()));
            for (int i = 1; i < walked.size(); i++) {
                assertFalse(
                        walked.get(i).firstSeenAt().isAfter(walked.get(i - 1).firstSeenAt()),
                        "newest first: " + walked);
            }
        }
    }

    @Test
    void pagesHoldAtMostLimitEntriesAndAPageAfterTheLastIsEmptyAndLast() {
        var history = emptyHistory();
        for (int i = 0; i < 3; i++) {
            history.record(JACK, picture(Integer.toString(i + 1)), T0.plusSeconds(i));
        }

        Page<HistoryEntry, HistoryCursor> first = history.list(JACK, PageRequest.first(2));
        Page<HistoryEntry, HistoryCursor> second =
                history.list(JACK, PageRequest.after(first.next().orElseThrow(), 2));
        Page<HistoryEntry, HistoryCursor> rest = second.next()
                .map(cursor -> history.list(JACK, PageRequest.after(cursor, 2)))
                .orElse(second);

        assertEquals(List.of(picture("3"), picture("2")), pictures(first));
        assertEquals(List.of(picture("1")), pictures(second));
        assertTrue(rest.next().isEmpty(), "the walk ends");
    }

    @Test
    void aCursorRoundTripsThroughItsOpaqueForm() {
        var history = emptyHistory();
        for (int i = 0; i < 3; i++) {
            history.record(JACK, picture(Integer.toString(i + 1)), T0.plusSeconds(i));
        }

        HistoryCursor cursor = history.list(JACK, PageRequest.first(1)).next().orElseThrow();
        Page<HistoryEntry, HistoryCursor> next =
                history.list(JACK, PageRequest.after(HistoryCursor.decode(cursor.encode()), 1));

        assertEquals(new HistoryCursor(T0.plusSeconds(2), picture("3")), cursor);
        assertEquals(List.of(picture("2")), pictures(next));
    }

    @Test
    void aVersionIsFoundInTheHistoryOfItsAccountOnly() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);
        history.record(JACK, picture("2"), T0.plusSeconds(1));
        HistoryEntry attached = history.attach(JACK, picture("1"), version("jack's first"));
        history.record(Handle.of("jill"), picture("3"), T0);
        history.attach(Handle.of("jill"), picture("3"), version("jill's"));

        assertEquals(Optional.of(attached), history.findByVersion(Handle.of("JACK"), version("jack's first")));
        assertEquals(Optional.empty(), history.findByVersion(JACK, version("jill's")));
        assertEquals(Optional.empty(), history.findByVersion(JACK, version("never archived")));
    }

    @Test
    void theSameCopyInTwoAccountsHistoriesIsFoundInEach() {
        var history = emptyHistory();
        for (String handle : List.of("jack", "jill")) {
            history.record(Handle.of(handle), picture("1"), T0);
            history.attach(Handle.of(handle), picture("1"), version("default picture"));
        }

        assertTrue(history.findByVersion(Handle.of("jack"), version("default picture"))
                .isPresent());
        assertTrue(history.findByVersion(Handle.of("jill"), version("default picture"))
                .isPresent());
    }

    /** Walks every page of the account's history with {@code limit}; stops after 1000 pages. */
    protected static List<HistoryEntry> walk(PictureHistory history, Handle handle, int limit) {
        List<HistoryEntry> walked = new ArrayList<>();
        PageRequest<HistoryCursor> request = PageRequest.first(limit);
        for (int pages = 0; pages < 1000; pages++) {
            Page<HistoryEntry, HistoryCursor> page = history.list(handle, request);
            assertTrue(
                    page.items().size() <= limit,
                    "limit " + limit + ": " + page.items().size());
            walked.addAll(page.items());
            if (page.next().isEmpty()) {
                return walked;
            }
            request = PageRequest.after(page.next().get(), limit);
        }
        throw new AssertionError("the walk did not end after 1000 pages");
    }

    private static List<PictureUrl> pictures(Page<HistoryEntry, HistoryCursor> page) {
        return page.items().stream().map(HistoryEntry::picture).toList();
    }
}
