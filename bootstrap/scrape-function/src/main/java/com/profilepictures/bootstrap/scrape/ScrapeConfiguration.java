package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.domain.ScrapeSource;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code POST /scrape} reads X: which sources, in which order ({@code SCRAPE_SOURCES}), within which
 * deadline ({@code SCRAPE_TIMEOUT}, the crawler's share {@code CRAWLER_TIMEOUT}), and each source's own
 * settings ({@code CRAWLER_USER_AGENT}; the browser's from {@link BrowserConfiguration}). Read once, with
 * errors that name the variable, so that a bad value stops the function at start.
 */
public record ScrapeConfiguration(
        List<ScrapeSource> sources,
        Duration scrapeTimeout,
        Duration crawlerTimeout,
        CrawlerSettings crawler,
        SeleniumSettings browser) {

    public static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_CRAWLER_TIMEOUT = Duration.ofSeconds(4);

    // The orders that make sense: the crawler is cheap and never worth asking after the browser.
    private static final Map<String, List<ScrapeSource>> SOURCE_ORDERS = Map.of(
            "crawler,browser", List.of(ScrapeSource.CRAWLER, ScrapeSource.BROWSER),
            "browser", List.of(ScrapeSource.BROWSER),
            "crawler", List.of(ScrapeSource.CRAWLER));

    public ScrapeConfiguration {
        sources = List.copyOf(sources);
        Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
        Objects.requireNonNull(crawlerTimeout, "crawlerTimeout");
        Objects.requireNonNull(crawler, "crawler");
        Objects.requireNonNull(browser, "browser");
    }

    public static ScrapeConfiguration from(Environment environment, int defaultPoolSize) {
        List<ScrapeSource> sources = environment
                .get("SCRAPE_SOURCES")
                .map(ScrapeConfiguration::sources)
                .orElse(SOURCE_ORDERS.get("crawler,browser"));
        Duration scrapeTimeout = positiveDuration(environment, "SCRAPE_TIMEOUT", DEFAULT_SCRAPE_TIMEOUT);
        Duration crawlerTimeout = positiveDuration(environment, "CRAWLER_TIMEOUT", DEFAULT_CRAWLER_TIMEOUT);
        if (sources.size() > 1 && crawlerTimeout.compareTo(scrapeTimeout) >= 0) {
            throw new InvalidConfigurationException("CRAWLER_TIMEOUT (" + crawlerTimeout + ") must be shorter than "
                    + "SCRAPE_TIMEOUT (" + scrapeTimeout + "), or the browser would have no time left after it.");
        }
        SeleniumSettings browser = BrowserConfiguration.from(environment, defaultPoolSize, scrapeTimeout);
        String userAgent = environment.get("CRAWLER_USER_AGENT").orElseGet(CrawlerUserAgent::ofThisService);
        CrawlerSettings crawler;
        try {
            crawler = CrawlerSettings.of(browser.baseUrl(), userAgent);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("CRAWLER_USER_AGENT is not usable as a header: " + e.getMessage());
        }
        return new ScrapeConfiguration(sources, scrapeTimeout, crawlerTimeout, crawler, browser);
    }

    static Duration positiveDuration(Environment environment, String variable, Duration fallback) {
        return environment
                .get(variable)
                .map(value -> {
                    try {
                        Duration duration = Duration.parse(value);
                        if (!duration.isNegative() && !duration.isZero()) {
                            return duration;
                        }
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                    throw new InvalidConfigurationException(
                            variable + " is a positive ISO-8601 duration, e.g. PT20S: " + value);
                })
                .orElse(fallback);
    }

    private static List<ScrapeSource> sources(String value) {
        List<ScrapeSource> order = SOURCE_ORDERS.get(value.replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        if (order == null) {
            throw new InvalidConfigurationException(
                    "SCRAPE_SOURCES is one of crawler,browser (the default), browser or crawler: " + value);
        }
        return order;
    }
}
