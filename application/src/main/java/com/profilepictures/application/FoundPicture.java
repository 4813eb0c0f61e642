package com.profilepictures.application;

import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a picture found on X writes, for {@code POST /scrape} and the refresh alike: the stored picture found again
 * (at any size, the handle spelt as stored) is a check, one conditional write of {@code checkedAt} that leaves
 * {@code scrapedAt}, when the picture was first seen, as it is (so the archive ignores it); another picture, or
 * an account never stored, is saved newer-wins, {@code scrapedAt} and {@code checkedAt} both the verdict's time.
 * The caller has made sure the picture is the asked account's.
 */
final class FoundPicture {

    private final ProfilePictureRepository repository;

    FoundPicture(ProfilePictureRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * Writes {@code found}, a verdict reached at {@code at}: a check if it is the stored picture, else a save. What
     * the write came to is the caller's to say: {@code checked} of the account as it now stands (its check recorded,
     * or a later check of it stored first and kept), or {@code offered} of how the newer-wins save went.
     */
    <T> T write(
            ScrapeVerdict.Found found,
            Instant at,
            Function<ProfilePicture, T> checked,
            Function<SaveOutcome, T> offered) {
        CheckOutcome check = repository.recordSamePicture(found.canonicalHandle(), found.picture(), at);
        return switch (check) {
            case CheckOutcome.Recorded recorded -> checked.apply(recorded.current());
            case CheckOutcome.KeptNewer newer -> checked.apply(newer.current());
            case CheckOutcome.PictureChanged changed -> offered.apply(save(found, at));
            case CheckOutcome.NotStored never -> offered.apply(save(found, at));
        };
    }

    private SaveOutcome save(ScrapeVerdict.Found found, Instant at) {
        return repository.saveIfNewer(new ProfilePicture(found.canonicalHandle(), found.picture(), at));
    }
}
