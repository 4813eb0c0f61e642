package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.sources.CrawlerConfiguration;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads how to run the browser ({@code X_BASE_URL}, {@code CHROMIUM_BINARY}, {@code CHROMEDRIVER},
 * {@code BROWSER_POOL_SIZE}) into the Selenium adapter's own settings record, with errors
 * that name the variable; part of {@link ScrapeConfiguration}. Only the scrape function reads it, so the read
 * functions never look for browsers on the {@code PATH}.
 */
public final class BrowserConfiguration {

    public static final URI DEFAULT_BASE_URL = CrawlerConfiguration.DEFAULT_BASE_URL;
    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    public static final int MAX_POOL_SIZE = 16;

    private BrowserConfiguration() {}

    /** {@code commandTimeout}: no one browser command can usefully take longer than the whole scrape. */
    public static SeleniumSettings from(Environment environment, int defaultPoolSize, Duration commandTimeout) {
        URI baseUrl = CrawlerConfiguration.baseUrl(environment);
        // Debian's `chromium` on the PATH is a shell wrapper; chromedriver needs the real binary.
        Path chromium = environment
                .get("CHROMIUM_BINARY")
                .map(Path::of)
                .orElseGet(
                        () -> Files.isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : onPath(environment, "chromium"));
        Path chromedriver =
                environment.get("CHROMEDRIVER").map(Path::of).orElseGet(() -> onPath(environment, "chromedriver"));
        int poolSize = environment
                .get("BROWSER_POOL_SIZE")
                .map(BrowserConfiguration::poolSize)
                .orElse(defaultPoolSize);
        return new SeleniumSettings(baseUrl, commandTimeout, chromium, chromedriver, poolSize);
    }

    private static int poolSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(
                "BROWSER_POOL_SIZE is a whole number from 1 to " + MAX_POOL_SIZE + ": " + value);
    }

    private static Path onPath(Environment environment, String command) {
        Optional<String> path = environment.get("PATH");
        if (path.isPresent()) {
            for (String directory : path.get().split(File.pathSeparator)) {
                Path candidate = Path.of(directory, command);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        // Not found: keep the bare name, so the scraper's failure to start names what is missing.
        return Path.of(command);
    }
}
