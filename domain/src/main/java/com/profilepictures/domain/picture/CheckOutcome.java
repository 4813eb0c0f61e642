package com.profilepictures.domain.picture;

import com.profilepictures.domain.port.ProfilePictureRepository;

/**
 * What recording a refresh's verdict did ({@link ProfilePictureRepository#recordSamePicture},
 * {@link ProfilePictureRepository#recordAccountStatus}): none of them ever creates an account. A repository
 * builds each from the account it read or wrote, so {@code current} is never null (the repository contract checks
 * it): the records carry no checks of their own.
 */
public sealed interface CheckOutcome {

    /** The check is stored: {@code current} is the account as it now stands. */
    record Recorded(ProfilePicture current) implements CheckOutcome {}

    /** A check at the same time or later was stored already and stays; nothing was written. */
    record KeptNewer(ProfilePicture current) implements CheckOutcome {}

    /**
     * The stored picture (or the handle's spelling) is not the one the check found, so there was nothing to
     * confirm and nothing was written: the caller stores the picture it found as a new one.
     */
    record PictureChanged(ProfilePicture current) implements CheckOutcome {}

    /** The account was never stored; nothing was written, and nothing is. */
    record NotStored() implements CheckOutcome {}
}
