package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScrapeConfigurationTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var configuration = ScrapeConfiguration.from(new Environment(Map.of()), 2);

        assertEquals(List.of(ScrapeSource.CRAWLER, ScrapeSource.BROWSER), configuration.sources());
        assertEquals(Duration.ofSeconds(20), configuration.scrapeTimeout());
        assertEquals(Duration.ofSeconds(4), configuration.crawlerTimeout());
        assertEquals(CrawlerUserAgent.ofThisService(), configuration.crawler().userAgent());
        assertTrue(configuration.crawler().userAgent().startsWith("profile-pictures-bot/"));
        assertEquals(URI.create("https://x.com"), configuration.crawler().baseUrl());
    }

    @Test
    void readsEveryVariableAndBothSourcesReadTheSameSite() {
        var configuration = ScrapeConfiguration.from(
                new Environment(Map.of(
                        "SCRAPE_SOURCES",
                        "crawler",
                        "SCRAPE_TIMEOUT",
                        "PT9S",
                        "CRAWLER_TIMEOUT",
                        "PT1.5S",
                        "CRAWLER_USER_AGENT",
                        "ExampleBot/2.0",
                        "X_BASE_URL",
                        "http://127.0.0.1:8081/")),
                1);

        assertEquals(List.of(ScrapeSource.CRAWLER), configuration.sources());
        assertEquals(Duration.ofSeconds(9), configuration.scrapeTimeout());
        assertEquals(Duration.ofMillis(1500), configuration.crawlerTimeout());
        assertEquals("ExampleBot/2.0", configuration.crawler().userAgent());
        assertEquals(
                URI.create("http://127.0.0.1:8081"), configuration.crawler().baseUrl());
        assertEquals(configuration.browser().baseUrl(), configuration.crawler().baseUrl());
        assertEquals(
                Duration.ofSeconds(9),
                configuration.browser().commandTimeout(),
                "no browser command outlasts the scrape");
    }

    @ParameterizedTest
    @ValueSource(strings = {"browser", "BROWSER", " browser "})
    void theBrowserAloneIsASourceOrder(String value) {
        var configuration = ScrapeConfiguration.from(new Environment(Map.of("SCRAPE_SOURCES", value)), 1);

        assertEquals(List.of(ScrapeSource.BROWSER), configuration.sources());
    }

    @ParameterizedTest
    @ValueSource(strings = {"browser,crawler", "crawler,crawler", "chrome", "crawler;browser"})
    void anyOtherSourceOrderStopsTheFunctionNamingTheVariable(String value) {
        var error = assertThrows(
                InvalidConfigurationException.class,
                () -> ScrapeConfiguration.from(new Environment(Map.of("SCRAPE_SOURCES", value)), 1));

        assertTrue(error.getMessage().startsWith("SCRAPE_SOURCES"), error.getMessage());
    }

    @Test
    void rejectsUnusableTimeoutsAndUserAgentsNamingTheVariable() {
        for (var bad : Map.of("CRAWLER_TIMEOUT", "4", "CRAWLER_USER_AGENT", "Bot\u00e9\u00e9", "SCRAPE_TIMEOUT", "PT0S")
                .entrySet()) {
            var error = assertThrows(
                    InvalidConfigurationException.class,
                    () -> ScrapeConfiguration.from(new Environment(Map.of(bad.getKey(), bad.getValue())), 1));

            assertTrue(error.getMessage().startsWith(bad.getKey()), error.getMessage());
        }
    }

    @Test
    void aCrawlerShareAsLongAsTheWholeScrapeLeavesTheBrowserNothingAndIsRefused() {
        var error = assertThrows(
                InvalidConfigurationException.class,
                () -> ScrapeConfiguration.from(
                        new Environment(Map.of("SCRAPE_TIMEOUT", "PT5S", "CRAWLER_TIMEOUT", "PT5S")), 1));

        assertTrue(error.getMessage().startsWith("CRAWLER_TIMEOUT"), error.getMessage());
        assertEquals(
                Duration.ofSeconds(5),
                ScrapeConfiguration.from(
                                new Environment(Map.of(
                                        "SCRAPE_SOURCES",
                                        "crawler",
                                        "SCRAPE_TIMEOUT",
                                        "PT5S",
                                        "CRAWLER_TIMEOUT",
                                        "PT5S")),
                                1)
                        .crawlerTimeout(),
                "alone, it may take it all");
    }
}
