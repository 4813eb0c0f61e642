package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetPictureHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final PictureUrl PICTURE = PictureUrl.of("https://pbs.twimg.com/profile_images/1/jack_400x400.jpg");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final GetPictureHistory useCase = new GetPictureHistory(repository, history);

    @Test
    void givenAStoredAccount_get_answersItsPictureAndAPageOfItsHistory() {
        var jack = new ProfilePicture(Handle.of("Jack"), PICTURE, T0);
        repository.saveIfNewer(jack);
        history.record(Handle.of("jack"), PICTURE, T0);

        Optional<AccountHistory> found = useCase.get(Handle.of("JACK"), PageRequest.first(10));

        assertEquals(jack, found.orElseThrow().current());
        assertEquals(
                List.of(new HistoryEntry(PICTURE, T0, T0, Optional.empty())),
                found.orElseThrow().page().items());
    }

    @Test
    void givenALaterCheckOfTheSamePicture_get_readsTheCurrentPictureAsLastSeenThen() {
        var older = PictureUrl.of("https://pbs.twimg.com/profile_images/0/jack_400x400.jpg");
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), older, T0.minusSeconds(60)));
        history.record(Handle.of("jack"), older, T0.minusSeconds(60));
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0));
        history.record(Handle.of("jack"), PICTURE, T0);
        repository.recordSamePicture(Handle.of("Jack"), PICTURE.withSize(PictureSize.NORMAL), T0.plusSeconds(3600));

        var found = useCase.get(Handle.of("jack"), PageRequest.first(10)).orElseThrow();

        assertEquals(
                List.of(
                        new HistoryEntry(PICTURE, T0, T0.plusSeconds(3600), Optional.empty()),
                        new HistoryEntry(older, T0.minusSeconds(60), T0.minusSeconds(60), Optional.empty())),
                found.page().items(),
                "only the current picture was seen by the check");
        assertEquals(
                List.of(T0, T0.minusSeconds(60)),
                history.list(Handle.of("jack"), PageRequest.first(10)).items().stream()
                        .map(HistoryEntry::lastSeenAt)
                        .toList(),
                "nothing was written to the history");
    }

    @Test
    void givenAnAccountLastFoundGone_get_keepsTheHistoryAsRecorded() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0));
        history.record(Handle.of("jack"), PICTURE, T0);
        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.SUSPENDED, T0.plusSeconds(3600));

        var found = useCase.get(Handle.of("jack"), PageRequest.first(10)).orElseThrow();

        assertEquals(
                List.of(new HistoryEntry(PICTURE, T0, T0, Optional.empty())),
                found.page().items());
        assertEquals(AccountStatus.SUSPENDED, found.current().accountStatus());
    }

    @Test
    void givenAnAccountStoredBeforeTheArchive_get_answersAnEmptyHistory() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0));

        var found = useCase.get(Handle.of("jack"), PageRequest.first(10)).orElseThrow();

        assertEquals(List.of(), found.page().items());
        assertEquals(Optional.empty(), found.page().next());
    }

    @Test
    void givenAnAccountNeverStored_get_isEmptyEvenIfAHistoryExists() {
        history.record(Handle.of("jack"), PICTURE, T0);

        assertEquals(Optional.empty(), useCase.get(Handle.of("jack"), PageRequest.first(10)));
    }
}
