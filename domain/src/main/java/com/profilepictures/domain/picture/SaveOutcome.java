package com.profilepictures.domain.picture;

import com.profilepictures.domain.port.ProfilePictureRepository;

/**
 * What {@link ProfilePictureRepository#saveIfNewer} did: stored the picture, or kept a newer one. A repository
 * builds each from the account it read or wrote, so {@code current} is never null (the repository contract checks
 * it): the records carry no checks of their own.
 */
public sealed interface SaveOutcome {

    /** The picture now stored for the handle, whichever side of the race won. */
    ProfilePicture current();

    /**
     * The offered picture was newer than what was stored (or nothing was) and is now stored; or that very
     * scrape was stored already (a retried save).
     */
    record Saved(ProfilePicture current) implements SaveOutcome {}

    /** A picture with a later or equal {@code scrapedAt} was stored already and stays. */
    record KeptNewer(ProfilePicture current) implements SaveOutcome {}
}
