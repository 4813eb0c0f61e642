package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.sources.CrawlerConfiguration;
import com.profilepictures.bootstrap.sources.SecretsManagerStrings;
import com.profilepictures.bootstrap.sources.XApiConfiguration;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code POST /scrape} reads X: which sources, in which order ({@code SCRAPE_SOURCES}; unset, every source
 * that is configured), within which deadline ({@code SCRAPE_TIMEOUT}, the shares {@code X_API_TIMEOUT} and
 * {@code CRAWLER_TIMEOUT}), and each source's own settings ({@code CRAWLER_USER_AGENT}; X's API's from
 * {@link XApiConfiguration}, the browser's from {@link BrowserConfiguration}). Read once, with errors that name
 * the variable, so that a bad value stops the function at start. {@code toString()} shows the token redacted.
 */
public record ScrapeConfiguration(
        List<ScrapeSource> sources,
        Duration scrapeTimeout,
        Duration xApiTimeout,
        Duration crawlerTimeout,
        Optional<XApiSettings> xApi,
        CrawlerSettings crawler,
        SeleniumSettings browser) {

    public static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_X_API_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_CRAWLER_TIMEOUT = Duration.ofSeconds(4);

    private static final String SOURCES_RULE = "SCRAPE_SOURCES is x_api, crawler and browser, comma-separated, each at"
            + " most once and the crawler before the browser (unset: x_api,crawler,browser with an X API token,"
            + " crawler,browser without)";

    public ScrapeConfiguration {
        sources = List.copyOf(sources);
        Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
        Objects.requireNonNull(xApiTimeout, "xApiTimeout");
        Objects.requireNonNull(crawlerTimeout, "crawlerTimeout");
        Objects.requireNonNull(xApi, "xApi");
        Objects.requireNonNull(crawler, "crawler");
        Objects.requireNonNull(browser, "browser");
        if (sources.contains(ScrapeSource.X_API) && xApi.isEmpty()) {
            throw new IllegalArgumentException("x_api needs its settings");
        }
    }

    /**
     * From the environment, a Secrets Manager secret read from AWS (or {@code SECRETS_MANAGER_ENDPOINT}) if named;
     * without one, no class of Secrets Manager's is even loaded.
     */
    public static ScrapeConfiguration from(Environment environment, int defaultPoolSize) {
        return from(
                environment,
                defaultPoolSize,
                arn -> SecretsManagerStrings.from(environment).read(arn));
    }

    public static ScrapeConfiguration from(
            Environment environment, int defaultPoolSize, XApiConfiguration.SecretStrings secrets) {
        Optional<XApiSettings> xApi = XApiConfiguration.from(environment, secrets);
        List<ScrapeSource> sources = environment
                .get("SCRAPE_SOURCES")
                .map(ScrapeConfiguration::sources)
                .orElseGet(() -> xApi.isPresent()
                        ? List.of(ScrapeSource.X_API, ScrapeSource.CRAWLER, ScrapeSource.BROWSER)
                        : List.of(ScrapeSource.CRAWLER, ScrapeSource.BROWSER));
        if (sources.contains(ScrapeSource.X_API) && xApi.isEmpty()) {
            throw new InvalidConfigurationException("SCRAPE_SOURCES names x_api, but neither "
                    + XApiConfiguration.TOKEN + " nor " + XApiConfiguration.SECRET_ARN
                    + " is set: X's API needs the operator's bearer token.");
        }
        Duration scrapeTimeout = environment.positiveDuration("SCRAPE_TIMEOUT", DEFAULT_SCRAPE_TIMEOUT, "PT20S");
        Duration xApiTimeout = environment.positiveDuration("X_API_TIMEOUT", DEFAULT_X_API_TIMEOUT, "PT20S");
        Duration crawlerTimeout = environment.positiveDuration("CRAWLER_TIMEOUT", DEFAULT_CRAWLER_TIMEOUT, "PT20S");
        ScrapeSource last = sources.get(sources.size() - 1);
        shareLeavesTime(sources, last, ScrapeSource.X_API, "X_API_TIMEOUT", xApiTimeout, scrapeTimeout);
        shareLeavesTime(sources, last, ScrapeSource.CRAWLER, "CRAWLER_TIMEOUT", crawlerTimeout, scrapeTimeout);
        SeleniumSettings browser = BrowserConfiguration.from(environment, defaultPoolSize, scrapeTimeout);
        CrawlerSettings crawler = CrawlerConfiguration.from(environment);
        return new ScrapeConfiguration(sources, scrapeTimeout, xApiTimeout, crawlerTimeout, xApi, crawler, browser);
    }

    /** A source asked before others must leave them time: its share is shorter than the whole scrape. */
    private static void shareLeavesTime(
            List<ScrapeSource> sources,
            ScrapeSource last,
            ScrapeSource source,
            String variable,
            Duration share,
            Duration scrapeTimeout) {
        if (sources.contains(source) && source != last && share.compareTo(scrapeTimeout) >= 0) {
            throw new InvalidConfigurationException(variable + " (" + share + ") must be shorter than "
                    + "SCRAPE_TIMEOUT (" + scrapeTimeout + "), or the sources after " + source.wireName()
                    + " would have no time left.");
        }
    }

    private static List<ScrapeSource> sources(String value) {
        List<ScrapeSource> order = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String wireName = name.trim().toLowerCase(Locale.ROOT);
            ScrapeSource source = null;
            for (ScrapeSource candidate : ScrapeSource.values()) {
                if (candidate.wireName().equals(wireName)) {
                    source = candidate;
                }
            }
            if (source == null || order.contains(source)) {
                throw new InvalidConfigurationException(SOURCES_RULE + ": " + value);
            }
            order.add(source);
        }
        // The crawler is cheap and never worth asking after the browser.
        if (order.contains(ScrapeSource.BROWSER)
                && order.indexOf(ScrapeSource.CRAWLER) > order.indexOf(ScrapeSource.BROWSER)) {
            throw new InvalidConfigurationException(SOURCES_RULE + ": " + value);
        }
        return List.copyOf(order);
    }
}
