package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetArchivedImageTest {

    private static final Handle JACK = Handle.of("Jack");
    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final InMemoryPictureArchive archive = new InMemoryPictureArchive();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePicture archivePicture = new ArchivePicture(history, host, archive, repository);
    private final GetArchivedImage useCase = new GetArchivedImage(repository, history, archive);

    private static PictureUrl picture(String id) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/jack_400x400.jpg");
    }

    /** Scrapes {@code id} at {@code T0 + seconds}, archives it if the host serves it, and returns its bytes. */
    private byte[] scrapeAndArchive(String id, int seconds, boolean served) {
        byte[] bytes = SampleImages.jpeg("picture " + id);
        if (served) {
            host.serve(picture(id), "image/jpeg", bytes);
        }
        repository.saveIfNewer(new ProfilePicture(JACK, picture(id), T0.plusSeconds(seconds)));
        archivePicture.archive(JACK, picture(id), T0.plusSeconds(seconds));
        return bytes;
    }

    private Image served(ImageLookup lookup) {
        var found = assertInstanceOf(ImageLookup.Found.class, lookup);
        Image image = archive.read(found.location()).orElseThrow();
        assertEquals(image.version(), found.version());
        return image;
    }

    @Test
    void givenTheCurrentPictureArchived_newest_isItsCopy() {
        scrapeAndArchive("1", 0, true);
        byte[] current = scrapeAndArchive("2", 10, true);

        assertEquals(new Image(ImageType.JPEG, current), served(useCase.newest(Handle.of("JACK"))));
    }

    @Test
    void whileTheCurrentPictureIsNotArchived_newest_isTheLatestEarlierCopy() {
        scrapeAndArchive("1", 0, true);
        byte[] latestArchived = scrapeAndArchive("2", 10, true);
        scrapeAndArchive("3", 20, false);

        assertEquals(new Image(ImageType.JPEG, latestArchived), served(useCase.newest(JACK)));
    }

    @Test
    void givenMoreUnarchivedPicturesThanAPage_newest_stillFindsTheLatestEarlierCopy() {
        byte[] archived = scrapeAndArchive("1", 0, true);
        for (int i = 0; i < 150; i++) {
            scrapeAndArchive(Integer.toString(100 + i), 10 + i, false);
        }

        assertEquals(new Image(ImageType.JPEG, archived), served(useCase.newest(JACK)));
    }

    @Test
    void givenNoCopyAtAll_newest_isNotArchived() {
        scrapeAndArchive("1", 0, false);

        assertInstanceOf(ImageLookup.NotArchived.class, useCase.newest(JACK));
    }

    @Test
    void givenAnAccountStoredBeforeTheArchive_newest_isNotArchived() {
        repository.saveIfNewer(new ProfilePicture(JACK, picture("1"), T0));

        assertInstanceOf(ImageLookup.NotArchived.class, useCase.newest(JACK));
    }

    @Test
    void givenAnAccountNeverStored_bothLookups_areUserNotFound() {
        assertInstanceOf(ImageLookup.UserNotFound.class, useCase.newest(JACK));
        assertInstanceOf(ImageLookup.UserNotFound.class, useCase.version(JACK, ImageVersion.ofBytes(new byte[] {1})));
    }

    @Test
    void anEarlierVersionStaysReachableThroughTheHistory() {
        byte[] first = scrapeAndArchive("1", 0, true);
        scrapeAndArchive("2", 10, true);

        Image image = served(useCase.version(JACK, ImageVersion.ofBytes(first)));

        assertEquals(new Image(ImageType.JPEG, first), image);
    }

    @Test
    void aVersionOfAnotherAccountIsNotServedUnderThisOne() {
        scrapeAndArchive("1", 0, true);
        byte[] jills = SampleImages.jpeg("jill");
        var jillsPicture = PictureUrl.of("https://pbs.twimg.com/profile_images/9/jill_400x400.jpg");
        host.serve(jillsPicture, "image/jpeg", jills);
        repository.saveIfNewer(new ProfilePicture(Handle.of("jill"), jillsPicture, T0));
        archivePicture.archive(Handle.of("jill"), jillsPicture, T0);

        assertInstanceOf(ImageLookup.NotArchived.class, useCase.version(JACK, ImageVersion.ofBytes(jills)));
        assertInstanceOf(ImageLookup.Found.class, useCase.version(Handle.of("jill"), ImageVersion.ofBytes(jills)));
    }

    @Test
    void theCurrentCopyIsFoundWithoutAskingTheHistory() {
        byte[] current = scrapeAndArchive("1", 0, true);
        history.goDown();

        assertEquals(new Image(ImageType.JPEG, current), served(useCase.newest(JACK)));
    }

    @Test
    void aUrlIsValidForFifteenMinutesAtMost() {
        scrapeAndArchive("1", 0, true);

        var found = assertInstanceOf(ImageLookup.Found.class, useCase.newest(JACK));

        assertEquals(
                Optional.of("validFor=900"),
                Optional.ofNullable(found.location().getQuery()));
    }
}
