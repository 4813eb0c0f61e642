package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
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
        return SamplePictures.picture(handle, id, scrapedAt);
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
            assertEquals(jack.url(), found.orElseThrow().url());
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
        assertEquals(newer.url(), stored.url());
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
                newer.url(), repository.find(Handle.of("jack")).orElseThrow().url());
    }

    @Test
    void onATieTheStoredPictureStays() {
        var repository = emptyRepository();
        var first = picture("jack", "1", T0);
        repository.saveIfNewer(first);

        SaveOutcome outcome = repository.saveIfNewer(picture("Jack", "2", T0));

        assertInstanceOf(SaveOutcome.KeptNewer.class, outcome);
        assertEquals(first.url(), outcome.current().url());
        assertEquals(
                first.url(), repository.find(Handle.of("jack")).orElseThrow().url());
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
        return new ArchiveMark(picture.url(), ImageVersion.ofBytes(bytes.getBytes(StandardCharsets.UTF_8)));
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
        assertEquals(jack.url(), stored.url(), "the scrape's fields stay");
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
        var mark = new ArchiveMark(jack.url().withSize(PictureSize.NORMAL), ImageVersion.ofBytes(new byte[] {1}));

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
        var again = new ProfilePicture(Handle.of("Jack"), first.url().withSize(PictureSize.NORMAL), T0.plusSeconds(60));

        SaveOutcome outcome = repository.saveIfNewer(again);

        var expected = new ProfilePicture(again.handle(), again.url(), again.scrapedAt(), Optional.of(mark));
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
                        new ProfilePicture(winner.handle(), winner.url(), winner.scrapedAt(), Optional.of(mark))),
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

    // ---- Refresh: checks that confirm a picture or record an account's state, and the accounts due.

    @Test
    void aSavedPictureIsCheckedWhenScrapedAndActive() {
        var repository = emptyRepository();

        repository.saveIfNewer(picture("Jack", "1", T0));

        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(T0, stored.checkedAt());
        assertEquals(AccountStatus.ACTIVE, stored.accountStatus());
    }

    @Test
    void checkingTheSamePictureAtAnySizeMovesCheckedAtOnly() {
        var repository = emptyRepository();
        var jack = picture("Jack", "1", T0);
        repository.saveIfNewer(jack);
        var mark = markOf(jack, "bytes");
        repository.markArchived(Handle.of("jack"), mark);

        CheckOutcome outcome = repository.recordSamePicture(
                Handle.of("Jack"), jack.url().withSize(PictureSize.NORMAL), T0.plusSeconds(60));

        var expected = new ProfilePicture(
                jack.handle(), jack.url(), T0, T0.plusSeconds(60), AccountStatus.ACTIVE, Optional.of(mark));
        assertEquals(new CheckOutcome.Recorded(expected), outcome);
        assertEquals(Optional.of(expected), repository.find(Handle.of("JACK")), "picture, first seen and mark stay");
    }

    @Test
    void anOlderCheckNeverReplacesANewerOneAndTheSameCheckAgainIsRecorded() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        repository.recordSamePicture(Handle.of("jack"), jack.url(), T0.plusSeconds(60));
        var checked = repository.find(Handle.of("jack")).orElseThrow();

        CheckOutcome older = repository.recordSamePicture(Handle.of("jack"), jack.url(), T0.plusSeconds(30));
        CheckOutcome again = repository.recordSamePicture(Handle.of("jack"), jack.url(), T0.plusSeconds(60));
        CheckOutcome olderState =
                repository.recordAccountStatus(Handle.of("jack"), AccountStatus.NOT_FOUND, T0.plusSeconds(59));
        CheckOutcome beforeTheScrape = repository.recordSamePicture(Handle.of("jack"), jack.url(), T0.minusSeconds(1));

        assertEquals(new CheckOutcome.KeptNewer(checked), older);
        assertEquals(new CheckOutcome.Recorded(checked), again, "a retried write does not lose to itself");
        assertEquals(new CheckOutcome.KeptNewer(checked), olderState);
        assertEquals(new CheckOutcome.KeptNewer(checked), beforeTheScrape);
        assertEquals(Optional.of(checked), repository.find(Handle.of("jack")));
    }

    @Test
    void checkingAnotherPictureOrSpellingWritesNothingAndSaysWhatIsStored() {
        var repository = emptyRepository();
        var jack = picture("Jack", "1", T0);
        repository.saveIfNewer(jack);

        CheckOutcome another = repository.recordSamePicture(
                Handle.of("Jack"), picture("Jack", "2", T0).url(), T0.plusSeconds(60));
        CheckOutcome respelt = repository.recordSamePicture(Handle.of("JACK"), jack.url(), T0.plusSeconds(60));

        assertEquals(new CheckOutcome.PictureChanged(jack), another);
        assertEquals(new CheckOutcome.PictureChanged(jack), respelt);
        assertEquals(Optional.of(jack), repository.find(Handle.of("jack")));
    }

    @Test
    void checksNeverCreateAnAccount() {
        var repository = emptyRepository();
        var ghost = picture("ghost", "1", T0);

        CheckOutcome same = repository.recordSamePicture(ghost.handle(), ghost.url(), T0);
        CheckOutcome gone = repository.recordAccountStatus(ghost.handle(), AccountStatus.NOT_FOUND, T0);
        CheckOutcome suspended = repository.recordAccountStatus(ghost.handle(), AccountStatus.SUSPENDED, T0);
        boolean queued = repository.markQueued(ghost.handle(), T0, T0.plusSeconds(60));

        assertEquals(new CheckOutcome.NotStored(), same);
        assertEquals(new CheckOutcome.NotStored(), gone);
        assertEquals(new CheckOutcome.NotStored(), suspended);
        assertFalse(queued);
        assertEquals(Optional.empty(), repository.find(ghost.handle()));
        assertEquals(List.of(), repository.list(PageRequest.first(10)).items());
    }

    @Test
    void anAccountThatDisappearsKeepsItsPictureAndMarkAndShowsItsState() {
        var repository = emptyRepository();
        var jack = picture("Jack", "1", T0);
        repository.saveIfNewer(jack);
        var mark = markOf(jack, "bytes");
        repository.markArchived(Handle.of("jack"), mark);

        CheckOutcome outcome =
                repository.recordAccountStatus(Handle.of("jack"), AccountStatus.SUSPENDED, T0.plusSeconds(60));

        var expected = new ProfilePicture(
                jack.handle(), jack.url(), T0, T0.plusSeconds(60), AccountStatus.SUSPENDED, Optional.of(mark));
        assertEquals(new CheckOutcome.Recorded(expected), outcome);
        assertEquals(Optional.of(expected), repository.find(Handle.of("jack")));
        assertTrue(expected.archived());
    }

    @Test
    void anAccountThatComesBackIsActiveAgain() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.NOT_FOUND, T0.plusSeconds(60));

        repository.recordSamePicture(Handle.of("jack"), jack.url(), T0.plusSeconds(120));

        assertEquals(
                Optional.of(jack.checked(T0.plusSeconds(120), AccountStatus.ACTIVE)),
                repository.find(Handle.of("jack")));

        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.SUSPENDED, T0.plusSeconds(180));
        var changed = picture("jack", "2", T0.plusSeconds(240));
        assertEquals(new SaveOutcome.Saved(changed), repository.saveIfNewer(changed));
        assertEquals(Optional.of(changed), repository.find(Handle.of("jack")), "a new picture: checked and active");
    }

    @Test
    void onlyAPictureShowsAnAccountActive() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("jack", "1", T0));

        assertThrows(
                IllegalArgumentException.class,
                () -> repository.recordAccountStatus(Handle.of("jack"), AccountStatus.ACTIVE, T0.plusSeconds(1)));
    }

    @Test
    void walkingEverySegmentFindsEachDueAccountOnceAndNoOther() {
        var repository = emptyRepository();
        Instant cutoff = T0.plusSeconds(3600);
        Set<String> due = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            var account = picture("user_" + i, Integer.toString(i + 1), T0.plusSeconds(i * 200L));
            repository.saveIfNewer(account);
            if (account.checkedBefore(cutoff)) {
                due.add(account.handle().key());
            }
        }
        // A check moves an account out of the due ones, a state keeps it out as well.
        repository.recordSamePicture(
                Handle.of("user_0"), picture("user_0", "1", T0).url(), cutoff);
        repository.recordAccountStatus(Handle.of("user_1"), AccountStatus.NOT_FOUND, cutoff.plusSeconds(1));
        due.remove("user_0");
        due.remove("user_1");

        for (int segments : new int[] {1, 3}) {
            List<String> found = walkDue(repository, cutoff, cutoff, segments, 4);

            assertEquals(due.size(), found.size(), segments + " segments, none twice: " + found);
            assertEquals(due, new HashSet<>(found), segments + " segments");
        }
    }

    @Test
    void anAccountQueuedIsQueuedOnceAndNotDueUntilItsMarkRunsOut() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("jack", "1", T0));
        repository.saveIfNewer(picture("jill", "2", T0));
        Instant now = T0.plusSeconds(3600);
        Instant until = now.plusSeconds(600);

        boolean first = repository.markQueued(Handle.of("jack"), now, until);
        boolean second = repository.markQueued(Handle.of("JACK"), now.plusSeconds(1), until.plusSeconds(1));

        assertTrue(first);
        assertFalse(second, "queued already");
        assertTrue(repository.markQueued(Handle.of("jack"), now, until), "the very mark again: a retried write");
        assertEquals(List.of("jill"), walkDue(repository, now, now, 1, 10), "a queued account is not due");
        assertEquals(Set.of("jack", "jill"), new HashSet<>(walkDue(repository, now, until, 1, 10)));
        assertTrue(repository.markQueued(Handle.of("jack"), until, until.plusSeconds(600)), "once its mark ran out");
        assertEquals(
                Optional.of(picture("jack", "1", T0)),
                repository.find(Handle.of("jack")),
                "queueing changes nothing a reader sees");
    }

    @Test
    void aCheckOrAScrapeEndsTheQueuedMark_soTheAccountIsDueAgainAsSoonAsItsCheckIsOldEnough() {
        var repository = emptyRepository();
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        repository.saveIfNewer(picture("jill", "2", T0));
        repository.saveIfNewer(picture("joe", "3", T0));
        Instant now = T0.plusSeconds(3600);
        Instant until = now.plusSeconds(6 * 3600);
        for (String handle : List.of("jack", "jill", "joe")) {
            assertTrue(repository.markQueued(Handle.of(handle), now, until));
        }

        repository.recordSamePicture(Handle.of("jack"), jack.url(), now.plusSeconds(10));
        repository.recordAccountStatus(Handle.of("jill"), AccountStatus.SUSPENDED, now.plusSeconds(10));
        repository.saveIfNewer(picture("joe", "4", now.plusSeconds(10)));

        Instant soon = now.plusSeconds(60);
        assertEquals(
                Set.of("jack", "jill", "joe"),
                new HashSet<>(walkDue(repository, soon, soon, 1, 10)),
                "checked before the cut-off and, checked since, no longer queued (its mark ran until " + until + ")");
    }

    @Test
    void aSweepingWalk_findsEveryPictureFirstSeenBeforeItsCutOffAndNotArchived_onceEach_besideTheDueAccounts() {
        var repository = emptyRepository();
        for (int i = 0; i < 12; i++) {
            repository.saveIfNewer(picture("lost_" + i, Integer.toString(i), T0));
        }
        var archived = picture("kept", "100", T0);
        repository.saveIfNewer(archived);
        // Marked at another size than the one stored: archived all the same.
        assertTrue(repository.markArchived(
                Handle.of("kept"),
                new ArchiveMark(archived.url().withSize(PictureSize.NORMAL), ImageVersion.ofBytes(new byte[] {1}))));
        repository.saveIfNewer(picture("recent", "101", T0.plusSeconds(600)));
        Instant cutOff = T0.plusSeconds(300);

        Set<String> unarchived = new HashSet<>();
        List<String> both = new ArrayList<>();
        int pages = 0;
        for (int segment = 0; segment < 3; segment++) {
            DueRequest request =
                    DueRequest.first(T0.plusSeconds(1), cutOff, segment, 3, 4).sweeping(cutOff);
            while (true) {
                DuePage page = repository.findDue(request);
                pages++;
                page.unarchived().forEach(account -> both.add(account.handle().key()));
                page.unarchived()
                        .forEach(account -> unarchived.add(account.handle().key()));
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page);
            }
        }

        assertEquals(12, both.size(), "each once: " + both);
        assertEquals(12, unarchived.size());
        assertTrue(unarchived.stream().allMatch(key -> key.startsWith("lost_")), unarchived.toString());
        assertTrue(pages >= 3, "one walk of the segments");
        assertEquals(
                Set.of("kept", "recent"),
                new HashSet<>(walkDue(repository, T0.plusSeconds(700), cutOff, 1, 100))
                        .stream().filter(key -> !key.startsWith("lost_")).collect(java.util.stream.Collectors.toSet()),
                "the due accounts are found as before, archived or not");
    }

    @Test
    void aPictureMarkedNotArchivable_isNotSwept_butTheAccountsNextPictureIs() {
        var repository = emptyRepository();
        var gone = picture("gonepic", "1", T0);
        repository.saveIfNewer(gone);
        Instant later = T0.plusSeconds(3600);

        boolean marked =
                repository.markNotArchivable(Handle.of("GonePic"), gone.url().withSize(PictureSize.NORMAL));
        boolean again = repository.markNotArchivable(Handle.of("gonepic"), gone.url());
        boolean other = repository.markNotArchivable(
                Handle.of("gonepic"), picture("gonepic", "2", T0).url());
        boolean nobody = repository.markNotArchivable(Handle.of("nobody"), gone.url());

        assertTrue(marked, "at any size");
        assertTrue(again, "marking twice changes nothing");
        assertFalse(other, "only the stored picture is marked");
        assertFalse(nobody, "no account is created");
        assertEquals(Optional.empty(), repository.find(Handle.of("nobody")));
        assertEquals(Optional.of(gone), repository.find(Handle.of("gonepic")), "nothing a reader sees changes");
        assertEquals(List.of(), sweep(repository, later));
        repository.saveIfNewer(picture("gonepic", "3", T0.plusSeconds(10)));
        assertEquals(List.of("gonepic"), sweep(repository, later), "a new picture is swept again");
    }

    private static List<String> sweep(ProfilePictureRepository repository, Instant before) {
        List<String> keys = new ArrayList<>();
        DueRequest request = DueRequest.first(T0, before, 0, 1, 100).sweeping(before);
        while (true) {
            DuePage page = repository.findDue(request);
            page.unarchived().forEach(account -> keys.add(account.handle().key()));
            if (page.next().isEmpty()) {
                return keys;
            }
            request = request.after(page);
        }
    }

    /** Every due account's key, walking each segment with pages of {@code limit}; stops after 1000 pages. */
    protected static List<String> walkDue(
            ProfilePictureRepository repository, Instant checkedBefore, Instant now, int segments, int limit) {
        List<String> keys = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            DueRequest request = DueRequest.first(checkedBefore, now, segment, segments, limit);
            for (int pages = 0; ; pages++) {
                if (pages == 1000) {
                    throw new AssertionError("the walk of segment " + segment + " did not end after 1000 pages");
                }
                DuePage page = repository.findDue(request);
                page.accounts().forEach(account -> keys.add(account.handle().key()));
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page);
            }
        }
        return keys;
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
