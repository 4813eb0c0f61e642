package com.profilepictures.domain.port;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageVersion;
import java.net.URI;
import java.time.Duration;

/**
 * The archive of pictures' bytes, each kept once under its {@link ImageVersion}. Implementations throw
 * {@link ArchiveUnavailableException} when the store does not answer in time.
 */
public interface PictureArchive {

    /** Keeps {@code image} under its version; keeping the same bytes again stores nothing new. */
    void put(Image image);

    /**
     * A URL from which anyone holding it can read the copy {@code version}, for at most {@code validity}
     * (less if the archive's own credentials expire sooner). Made without asking the store, so it says
     * nothing of whether the copy exists.
     */
    URI presign(ImageVersion version, Duration validity);
}
