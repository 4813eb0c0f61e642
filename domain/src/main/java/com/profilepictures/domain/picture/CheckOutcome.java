package com.profilepictures.domain.picture;

import com.profilepictures.domain.port.ProfilePictureRepository;
import java.util.Objects;

/**
 * What recording a refresh's verdict did ({@link ProfilePictureRepository#recordSamePicture},
 * {@link ProfilePictureRepository#recordAccountStatus}): none of them ever creates an account.
 */
public sealed interface CheckOutcome {

    /** The check is stored: {@code current} is the account as it now stands. */
    record Recorded(ProfilePicture current) implements CheckOutcome {
        public Recorded {
            Objects.requireNonNull(current, "current");
        }
    }

    /** A check at the same time or later was stored already and stays; nothing was written. */
    record KeptNewer(ProfilePicture current) implements CheckOutcome {
        public KeptNewer {
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * The stored picture (or the handle's spelling) is not the one the check found, so there was nothing to
     * confirm and nothing was written: the caller stores the picture it found as a new one.
     */
    record PictureChanged(ProfilePicture current) implements CheckOutcome {
        public PictureChanged {
            Objects.requireNonNull(current, "current");
        }
    }

    /** The account was never stored; nothing was written, and nothing is. */
    record NotStored() implements CheckOutcome {}
}
