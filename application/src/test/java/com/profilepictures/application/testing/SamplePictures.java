package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;

/** Stored pictures for tests: a picture of X's image host per {@code id}, so that tests can tell them apart. */
public final class SamplePictures {

    private SamplePictures() {}

    /** {@code handle}'s picture {@code id} ({@code https://pbs.twimg.com/profile_images/<id>/pic_400x400.jpg}). */
    public static ProfilePicture picture(String handle, String id, Instant scrapedAt) {
        return new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"),
                scrapedAt);
    }
}
