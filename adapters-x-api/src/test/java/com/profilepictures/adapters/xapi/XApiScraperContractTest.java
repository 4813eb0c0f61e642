package com.profilepictures.adapters.xapi;

import com.profilepictures.application.testing.ProfilePictureScraperContract;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.fixturesite.FixtureSite;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * X's API keeps the scraper port's contract, against the stand-in for X's user lookup over loopback HTTP: the same
 * accounts the pages show, read by one request each.
 */
class XApiScraperContractTest extends ProfilePictureScraperContract {

    @Override
    protected ProfilePictureScraper scraperFor(URI baseUrl) {
        return new XApiProfilePictureScraper(
                XApiSettings.of(baseUrl, BearerToken.of(FixtureSite.X_API_TOKEN)), Clock.systemUTC());
    }

    @Override
    protected Duration allowedOverrun() {
        return Duration.ofSeconds(2); // scheduling (or a stall) on a busy machine; the source adds nothing of its own
    }
}
