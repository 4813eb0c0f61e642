package com.profilepictures.adapters.crawler;

import com.profilepictures.application.testing.ProfilePictureScraperContract;
import com.profilepictures.domain.port.ProfilePictureScraper;
import java.net.URI;
import java.time.Duration;

/**
 * The crawler keeps the scraper port's contract, against the stand-in X site over loopback HTTP. Its
 * {@code _}-handle case shows the crawler reads the intent page: the site's {@code /{handle}} page for
 * crawlers leaves the profile out for those handles, as X's did.
 */
class CrawlerScraperContractTest extends ProfilePictureScraperContract {

    @Override
    protected ProfilePictureScraper scraperFor(URI baseUrl) {
        return new CrawlerProfilePictureScraper(CrawlerSettings.of(baseUrl, CrawlerUserAgent.ofThisService()));
    }

    @Override
    protected Duration allowedOverrun() {
        return Duration.ofSeconds(2); // scheduling (or a stall) on a busy machine; the crawler adds nothing of its own
    }
}
