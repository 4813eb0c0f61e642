package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crawler (over HTTP) and the browser (in real headless Chromium) read the same pages, heads X's server renders
 * (in {@code heads/}), by the domain's one rule ({@code PageHead}, {@code PictureUrl.classify}): both take the same
 * picture, or neither takes any. The browser waits out the app that never renders on these pages, so each
 * page costs it up to {@link #BROWSER_DEADLINE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverySourceReadsTheHeadAlikeTest {

    // Past the browser's grace for a head alone (2 s), with slack for a loaded machine.
    private static final Duration BROWSER_DEADLINE = Duration.ofSeconds(5);
    private static final Duration CRAWLER_DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path workRoot;

    private FixtureSite site;
    private CrawlerProfilePictureScraper crawler;
    private SeleniumProfilePictureScraper browser;

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("post-of-another-account.html", Optional.empty()),
                Arguments.of("post-of-the-account.html", Optional.empty()),
                Arguments.of("profile-on-another-site.html", Optional.empty()),
                Arguments.of("profile-of-another-account.html", Optional.empty()),
                Arguments.of("profile-ton-image.html", Optional.empty()),
                Arguments.of("og-image-alone.html", Optional.empty()),
                Arguments.of(
                        "profile-open-graph.html",
                        Optional.of("https://pbs.twimg.com/profile_images/1000000000000000003/asked_200x200.jpg")),
                Arguments.of(
                        "profile-http-picture.html",
                        Optional.of("https://pbs.twimg.com/profile_images/1000000000000000006/asked_200x200.jpg")),
                Arguments.of(
                        "profile-json-ld.html",
                        Optional.of("https://pbs.twimg.com/profile_images/1000000000000000009/asked_400x400.jpg")));
    }

    @BeforeAll
    void start() {
        site = FixtureSite.start();
        crawler =
                new CrawlerProfilePictureScraper(CrawlerSettings.of(site.baseUrl(), CrawlerUserAgent.ofThisService()));
        Path chromium = Path.of(System.getProperty("chromium.binary", BrowserConfiguration.DEBIAN_CHROMIUM.toString()));
        browser = new SeleniumProfilePictureScraper(new SeleniumSettings(
                site.baseUrl(),
                Duration.ofSeconds(30),
                Files.isExecutable(chromium) ? chromium : Path.of("/usr/bin/chromium"),
                Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")),
                1,
                workRoot));
        browser.warmUp();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void givenTheSamePage_bothSources_takeTheSamePictureOrNone(String page, Optional<String> picture) {
        // A handle of the page's own, so that no page is served for another's.
        Handle asked = Handle.of("Asked_" + Math.abs(page.hashCode() % 100_000));
        site.servePage(asked.key(), page(page).replace("{{HANDLE}}", asked.display()));

        ScrapeVerdict crawled = crawler.scrape(asked, Deadline.after(CRAWLER_DEADLINE));
        ScrapeVerdict browsed = browser.scrape(asked, Deadline.after(BROWSER_DEADLINE));

        assertEquals(picture, pictureOf(crawled, asked), "the crawler's verdict: " + crawled);
        assertEquals(picture, pictureOf(browsed, asked), "the browser's verdict: " + browsed);
    }

    private static Optional<String> pictureOf(ScrapeVerdict verdict, Handle asked) {
        if (verdict instanceof Found found) {
            assertEquals(asked.display(), found.canonicalHandle().display());
            return Optional.of(found.picture().value());
        }
        return Optional.empty();
    }

    private static String page(String name) {
        try (InputStream in = EverySourceReadsTheHeadAlikeTest.class.getResourceAsStream("heads/" + name)) {
            assertNotNull(in, "heads/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
