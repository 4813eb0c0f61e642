package com.profilepictures.application;

import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ScrapeOutcome;
import java.util.Objects;

/** How a scrape-and-store ended. */
public sealed interface ScrapeResult {

    /**
     * A picture was found. {@code current} is what is stored now: the scraped picture, or a newer one
     * that another scrape stored first ({@code replaced} is then false).
     */
    record Stored(ProfilePicture current, boolean replaced) implements ScrapeResult {
        public Stored {
            Objects.requireNonNull(current, "current");
        }
    }

    /** No picture: nothing was stored, and what was stored before stays as it was. */
    record NotScraped(ScrapeOutcome.Failure failure) implements ScrapeResult {
        public NotScraped {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
