package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GetAndListProfilePicturesTest {

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();

    private ProfilePicture store(String handle) {
        var picture = new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/1/" + handle + "_400x400.jpg"),
                Instant.parse("2026-11-28T04:00:00Z"));
        repository.saveIfNewer(picture);
        return picture;
    }

    @Test
    void getFindsAStoredPictureInAnyCase() {
        var jack = store("Jack");

        assertEquals(Optional.of(jack), new GetProfilePicture(repository).get(Handle.of("jACK")));
    }

    @Test
    void getOfAHandleNeverScrapedIsEmpty() {
        assertEquals(Optional.empty(), new GetProfilePicture(repository).get(Handle.of("nobody")));
    }

    @Test
    void listWalksEveryStoredPictureOnce() {
        for (int i = 0; i < 12; i++) {
            store("user" + i);
        }
        var useCase = new ListProfilePictures(repository);
        Set<Handle> seen = new HashSet<>();
        int pages = 0;

        Page<ProfilePicture, PageCursor> page = useCase.list(PageRequest.first(5));
        while (true) {
            pages++;
            page.items().forEach(picture -> assertEquals(true, seen.add(picture.handle())));
            if (page.next().isEmpty()) {
                break;
            }
            page = useCase.list(PageRequest.after(page.next().get(), 5));
        }

        assertEquals(12, seen.size());
        assertEquals(3, pages);
    }
}
