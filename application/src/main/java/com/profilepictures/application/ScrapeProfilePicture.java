package com.profilepictures.application;

import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;
import com.profilepictures.domain.ProfilePictureScraper;
import com.profilepictures.domain.SaveOutcome;
import com.profilepictures.domain.ScrapeOutcome;
import java.time.Clock;

/** Scrapes an account's current picture off X and stores it, unless a newer one is stored already. */
public final class ScrapeProfilePicture {

    private final ProfilePictureScraper scraper;
    private final ProfilePictureRepository repository;
    private final Clock clock;

    public ScrapeProfilePicture(ProfilePictureScraper scraper, ProfilePictureRepository repository, Clock clock) {
        this.scraper = scraper;
        this.repository = repository;
        this.clock = clock;
    }

    public ScrapeResult scrape(Handle handle) {
        ScrapeOutcome outcome = scraper.scrape(handle);
        // scrapedAt is when the verdict was reached, so it is read after the scrape, not before.
        var scrapedAt = clock.instant();
        if (outcome instanceof ScrapeOutcome.Failure failure) {
            return new ScrapeResult.NotScraped(failure);
        }
        var found = (ScrapeOutcome.Found) outcome;
        if (!found.canonicalHandle().sameAccountAs(handle)) {
            // Never store one account's picture under another's name.
            return new ScrapeResult.NotScraped(new ScrapeOutcome.Blocked(
                    "X served the profile of @" + found.canonicalHandle() + " when asked for @" + handle + "."));
        }
        SaveOutcome saved = repository.saveIfNewer(new ProfilePicture(found.canonicalHandle(), found.picture(), scrapedAt));
        return new ScrapeResult.Stored(saved.current(), saved instanceof SaveOutcome.Saved);
    }
}
