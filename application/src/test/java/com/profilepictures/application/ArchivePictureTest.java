package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.refresh.DueRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchivePictureTest {

    private static final Handle JACK = Handle.of("Jack");
    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final PictureUrl SCRAPED = PictureUrl.of("https://pbs.twimg.com/profile_images/1/jack_normal.jpg");
    private static final PictureUrl ARCHIVED_SIZE = SCRAPED.withSize(PictureSize.ARCHIVED);
    private static final PictureUrl NEWER = PictureUrl.of("https://pbs.twimg.com/profile_images/2/jack_400x400.png");
    private static final byte[] JACK_BYTES = SampleImages.jpeg("jack");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final InMemoryPictureArchive archive = new InMemoryPictureArchive();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePicture useCase = new ArchivePicture(history, host, archive, repository);

    private void scraped(PictureUrl picture, Instant scrapedAt) {
        repository.saveIfNewer(new ProfilePicture(JACK, picture, scrapedAt));
    }

    private ProfilePicture stored() {
        return repository.find(JACK).orElseThrow();
    }

    @Test
    void givenANewPicture_archive_keepsTheArchivedSizesBytesRecordsTheCopyAndMarksTheAccount() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);

        ArchiveResult result = useCase.archive(JACK, SCRAPED, T0);

        ImageVersion version = ImageVersion.ofBytes(JACK_BYTES);
        var entry = new HistoryEntry(ARCHIVED_SIZE, T0, T0, Optional.of(version));
        assertEquals(new ArchiveResult.Archived(entry, version, true), result);
        assertEquals(List.of(ARCHIVED_SIZE), host.requested());
        assertEquals(
                Optional.of(new Image(ImageType.JPEG, JACK_BYTES)),
                archive.read(archive.presign(version, GetArchivedImage.VALIDITY)));
        assertEquals(List.of(entry), history.entries(JACK));
        assertTrue(stored().archived());
        assertEquals(Optional.of(version), stored().imageVersion());
    }

    @Test
    void givenAPictureArchivedBefore_archive_downloadsNothingMovesLastSeenAtAndKeepsItArchived() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        useCase.archive(JACK, SCRAPED, T0);
        scraped(SCRAPED, T0.plusSeconds(60));

        ArchiveResult result = useCase.archive(JACK, SCRAPED, T0.plusSeconds(60));

        var already = assertInstanceOf(ArchiveResult.AlreadyArchived.class, result);
        assertEquals(T0.plusSeconds(60), already.entry().lastSeenAt());
        assertTrue(already.marked());
        assertEquals(1, host.requested().size(), "downloaded once");
        assertEquals(1, archive.puts());
        assertTrue(stored().archived());
    }

    @Test
    void archivingTheSameRecordAgainChangesNothing() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        useCase.archive(JACK, SCRAPED, T0);
        var before = stored();
        var entries = history.entries(JACK);

        ArchiveResult again = useCase.archive(JACK, SCRAPED, T0);

        assertInstanceOf(ArchiveResult.AlreadyArchived.class, again);
        assertEquals(before, stored());
        assertEquals(entries, history.entries(JACK));
        assertEquals(1, archive.size());
    }

    @Test
    void theSameBytesShownByTwoAccountsAreKeptOnce() {
        var defaultPicture =
                PictureUrl.of("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png");
        byte[] bytes = SampleImages.bytes(ImageType.PNG, "default");
        host.serve(defaultPicture.withSize(PictureSize.ARCHIVED), "image/png", bytes);
        for (String handle : List.of("jack", "jill")) {
            repository.saveIfNewer(new ProfilePicture(Handle.of(handle), defaultPicture, T0));

            assertInstanceOf(ArchiveResult.Archived.class, useCase.archive(Handle.of(handle), defaultPicture, T0));
        }

        assertEquals(1, archive.size(), "one copy of the bytes both accounts show");
        assertTrue(repository.find(Handle.of("jill")).orElseThrow().archived());
    }

    @Test
    void givenTheHostAnswers404_archive_isNotArchivableAndKeepsTheUrlInTheHistoryOnly() {
        scraped(SCRAPED, T0);

        ArchiveResult result = useCase.archive(JACK, SCRAPED, T0);

        assertNotArchivable(result, "404");
    }

    @Test
    void givenTheHostAnswersHtmlAsAPicture_archive_isNotArchivable() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", "<!DOCTYPE html><title>Error</title>".getBytes(StandardCharsets.UTF_8));

        assertNotArchivable(useCase.archive(JACK, SCRAPED, T0), "does not start as one");
    }

    @Test
    void givenTheHostAnswersAnotherType_archive_isNotArchivable() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "text/html; charset=utf-8", JACK_BYTES);

        assertNotArchivable(useCase.archive(JACK, SCRAPED, T0), "text/html");
    }

    @Test
    void givenTheHostAnswersTooMuch_archive_isNotArchivable() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", Arrays.copyOf(JACK_BYTES, 5 * 1024 * 1024));

        assertNotArchivable(useCase.archive(JACK, SCRAPED, T0), Integer.toString(Image.MAX_BYTES));
    }

    private void assertNotArchivable(ArchiveResult result, String reasonMentions) {
        var notArchivable = assertInstanceOf(ArchiveResult.NotArchivable.class, result);
        assertTrue(notArchivable.reason().contains(reasonMentions), notArchivable.reason());
        assertEquals(List.of(new HistoryEntry(ARCHIVED_SIZE, T0, T0, Optional.empty())), history.entries(JACK));
        assertEquals(0, archive.size());
        assertFalse(stored().archived());
        assertTrue(notArchivable.marked(), "the item says so of this picture, for the sweep to leave it");
        assertEquals(List.of(), sweepFinds(), "the sweep leaves a picture marked not archivable");
    }

    private List<ProfilePicture> sweepFinds() {
        Instant later = T0.plusSeconds(3600);
        return repository
                .findDue(DueRequest.first(T0, later, 0, 1, 100).sweeping(later))
                .unarchived();
    }

    @Test
    void givenAPictureNotArchivable_aLaterOtherPicture_isSweptAgainUntilArchived() {
        scraped(SCRAPED, T0);
        assertInstanceOf(ArchiveResult.NotArchivable.class, useCase.archive(JACK, SCRAPED, T0));

        scraped(NEWER, T0.plusSeconds(1));

        assertEquals(
                List.of(NEWER), sweepFinds().stream().map(ProfilePicture::url).toList());
    }

    @Test
    void givenALateRecordOfAnOlderPicture_notArchivable_marksNothing() {
        scraped(NEWER, T0.plusSeconds(1));

        var result = assertInstanceOf(ArchiveResult.NotArchivable.class, useCase.archive(JACK, SCRAPED, T0));

        assertFalse(result.marked());
        assertEquals(
                List.of(NEWER), sweepFinds().stream().map(ProfilePicture::url).toList());
    }

    @Test
    void givenTheHostDown_archive_failsWithNothingArchivedAndARetrySucceeds() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        host.goDown();

        assertThrows(PictureHostUnavailableException.class, () -> useCase.archive(JACK, SCRAPED, T0));
        assertEquals(0, archive.size());
        assertFalse(stored().archived());
        host.comeBack();

        assertInstanceOf(ArchiveResult.Archived.class, useCase.archive(JACK, SCRAPED, T0));
        assertTrue(stored().archived());
    }

    @Test
    void givenTheArchiveDown_archive_failsWithoutAHistoryCopyPointingAtNothing_andARetrySucceeds() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        archive.goDown();

        assertThrows(ArchiveUnavailableException.class, () -> useCase.archive(JACK, SCRAPED, T0));
        assertEquals(Optional.empty(), history.entries(JACK).get(0).image());
        assertFalse(stored().archived());
        archive.comeBack();

        assertInstanceOf(ArchiveResult.Archived.class, useCase.archive(JACK, SCRAPED, T0));
        assertTrue(stored().archived());
    }

    @Test
    void givenTheHistoryDownAfterTheCopyIsKept_aRetryAttachesItAndOneCopyIsKept() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        var failingOnAttach = new ArchivePicture(
                history,
                picture -> {
                    var download = host.download(picture);
                    history.goDown(); // after the record, before the attach
                    return download;
                },
                archive,
                repository);

        assertThrows(StorageUnavailableException.class, () -> failingOnAttach.archive(JACK, SCRAPED, T0));
        history.comeBack();
        ArchiveResult retried = useCase.archive(JACK, SCRAPED, T0);

        assertInstanceOf(ArchiveResult.Archived.class, retried);
        assertEquals(1, archive.size());
        assertTrue(stored().archived());
    }

    @Test
    void givenTheTableDownWhenMarking_aRetryMarksFromTheHistoryWithoutDownloading() {
        scraped(SCRAPED, T0);
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        var failingOnMark = new ArchivePicture(
                history,
                picture -> {
                    var download = host.download(picture);
                    repository.goDown();
                    return download;
                },
                archive,
                repository);

        assertThrows(StorageUnavailableException.class, () -> failingOnMark.archive(JACK, SCRAPED, T0));
        repository.comeBack();
        ArchiveResult retried = useCase.archive(JACK, SCRAPED, T0);

        var already = assertInstanceOf(ArchiveResult.AlreadyArchived.class, retried);
        assertTrue(already.marked());
        assertEquals(1, host.requested().size());
        assertTrue(stored().archived());
    }

    @Test
    void aLateRecordForAnOlderPictureEntersTheHistoryButNeverMarksTheNewerOne() {
        scraped(SCRAPED, T0);
        scraped(NEWER, T0.plusSeconds(1));
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);

        ArchiveResult late = useCase.archive(JACK, SCRAPED, T0);

        var archived = assertInstanceOf(ArchiveResult.Archived.class, late);
        assertFalse(archived.marked());
        assertFalse(stored().archived());
        assertEquals(NEWER, stored().url());
        assertTrue(history.findByVersion(JACK, archived.version()).isPresent(), "its copy is in the history");
    }

    @Test
    void twoScrapesOfAChangingAccountInOneBatchBothEnterTheHistoryOnceEach() {
        host.serve(ARCHIVED_SIZE, "image/jpeg", JACK_BYTES);
        host.serve(NEWER, "image/png", SampleImages.bytes(ImageType.PNG, "newer"));
        scraped(SCRAPED, T0);
        scraped(NEWER, T0.plusMillis(5));

        useCase.archive(JACK, SCRAPED, T0);
        ArchiveResult newest = useCase.archive(JACK, NEWER, T0.plusMillis(5));

        assertEquals(2, history.entries(JACK).size());
        assertTrue(
                history.entries(JACK).stream().allMatch(entry -> entry.image().isPresent()));
        assertTrue(((ArchiveResult.Archived) newest).marked());
        assertTrue(stored().archived());
        assertEquals(Optional.of(((ArchiveResult.Archived) newest).version()), stored().imageVersion());
    }
}
