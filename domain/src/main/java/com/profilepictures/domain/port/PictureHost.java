package com.profilepictures.domain.port;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureUrl;

/**
 * X's image host, from which a picture's bytes are downloaded, bounded in time and in size. A host that
 * answers, but not with a picture, is a {@link PictureDownload.Refused}; one that cannot be reached, times
 * out or says to try later is a {@link PictureHostUnavailableException}, worth another try.
 */
public interface PictureHost {

    /** Downloads {@code picture}, reading at most {@link Image#MAX_BYTES} of it. */
    PictureDownload download(PictureUrl picture);
}
