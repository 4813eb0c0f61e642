package com.profilepictures.application.testing;

import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeStep;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The scrape use case with one source, for tests about storing and answering rather than about sources. */
public final class ScrapeUseCases {

    public static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(20);

    private ScrapeUseCases() {}

    /** Asks {@code browser} alone, as {@code SCRAPE_SOURCES=browser} does. */
    public static ScrapeProfilePicture browserOnly(
            ProfilePictureScraper browser, ProfilePictureRepository repository, Clock clock) {
        return new ScrapeProfilePicture(
                List.of(ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser)), SCRAPE_TIMEOUT, repository, clock);
    }
}
