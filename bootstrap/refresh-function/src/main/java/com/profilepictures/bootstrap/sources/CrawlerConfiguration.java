package com.profilepictures.bootstrap.sources;

import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads where X's pages are ({@code X_BASE_URL}) and who the crawler says it is ({@code CRAWLER_USER_AGENT}),
 * shared by the scrape function (its crawler and its browser) and the refresh's workers, so both read X alike.
 */
public final class CrawlerConfiguration {

    public static final URI DEFAULT_BASE_URL = URI.create("https://x.com");

    private CrawlerConfiguration() {}

    /** The crawler's settings: {@code X_BASE_URL}'s site, with {@code CRAWLER_USER_AGENT} or the service's own. */
    public static CrawlerSettings from(Environment environment) {
        String userAgent = environment.get("CRAWLER_USER_AGENT").orElseGet(CrawlerUserAgent::ofThisService);
        try {
            return CrawlerSettings.of(baseUrl(environment), userAgent);
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidConfigurationException invalid) {
                throw invalid;
            }
            throw new InvalidConfigurationException("CRAWLER_USER_AGENT is not usable as a header: " + e.getMessage());
        }
    }

    /** {@code X_BASE_URL}, else X itself. */
    public static URI baseUrl(Environment environment) {
        return environment.get("X_BASE_URL").map(CrawlerConfiguration::baseUrl).orElse(DEFAULT_BASE_URL);
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs http or https and a host, e.g. https://x.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("X_BASE_URL is not a URL: " + e.getMessage());
        }
    }
}
