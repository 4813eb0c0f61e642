package com.profilepictures.application;

import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * What a picture found on X writes, for {@code POST /scrape} and the refresh alike: the stored picture found again
 * (at any size, the handle spelt as stored) is a check, one conditional write of {@code checkedAt} that leaves
 * {@code scrapedAt}, when the picture was first seen, as it is (so the archive ignores it); another picture, or
 * an account never stored, is saved newer-wins, {@code scrapedAt} and {@code checkedAt} both the verdict's time.
 * The caller has made sure the picture is the asked account's.
 */
final class FoundPicture {

    /** What the write came to; {@code current} is the account as it now stands. */
    sealed interface Written {

        ProfilePicture current();

        /** The stored picture again: its check is recorded, or a later check of it was stored first and stays. */
        record Checked(ProfilePicture current) implements Written {
            public Checked {
                Objects.requireNonNull(current, "current");
            }
        }

        /** Another picture, or the first: offered newer-wins, and {@code saved} says whether it won. */
        record Offered(SaveOutcome saved) implements Written {
            public Offered {
                Objects.requireNonNull(saved, "saved");
            }

            @Override
            public ProfilePicture current() {
                return saved.current();
            }
        }
    }

    private final ProfilePictureRepository repository;

    FoundPicture(ProfilePictureRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Writes {@code found}, a verdict reached at {@code at}: a check if it is the stored picture, else a save. */
    Written write(ScrapeVerdict.Found found, Instant at) {
        CheckOutcome check = repository.recordSamePicture(found.canonicalHandle(), found.picture(), at);
        return switch (check) {
            case CheckOutcome.Recorded recorded -> new Written.Checked(recorded.current());
            case CheckOutcome.KeptNewer newer -> new Written.Checked(newer.current());
            case CheckOutcome.PictureChanged changed -> save(found, at);
            case CheckOutcome.NotStored never -> save(found, at);
        };
    }

    private Written save(ScrapeVerdict.Found found, Instant at) {
        return new Written.Offered(
                repository.saveIfNewer(new ProfilePicture(found.canonicalHandle(), found.picture(), at)));
    }
}
