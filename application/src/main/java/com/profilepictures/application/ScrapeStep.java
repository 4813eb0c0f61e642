package com.profilepictures.application;

import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One source a scrape asks, and how much of the scrape's time it may take: a budget of its own
 * inside the scrape's deadline, or whatever the sources before it left.
 */
public record ScrapeStep(ScrapeSource source, ProfilePictureScraper scraper, Optional<Duration> budget) {

    public ScrapeStep {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scraper, "scraper");
        Objects.requireNonNull(budget, "budget");
        budget.ifPresent(value -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("A source's budget must be positive: " + value);
            }
        });
    }

    /** The source may take at most {@code budget}, and never past the scrape's deadline. */
    public static ScrapeStep within(ScrapeSource source, ProfilePictureScraper scraper, Duration budget) {
        return new ScrapeStep(source, scraper, Optional.of(budget));
    }

    /** The source may take whatever is left of the scrape's deadline. */
    public static ScrapeStep withTheRest(ScrapeSource source, ProfilePictureScraper scraper) {
        return new ScrapeStep(source, scraper, Optional.empty());
    }

    Deadline deadlineWithin(Deadline scrape) {
        return budget.map(scrape::within).orElse(scrape);
    }
}
