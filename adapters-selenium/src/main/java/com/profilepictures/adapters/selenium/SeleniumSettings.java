package com.profilepictures.adapters.selenium;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the scraper reaches X and runs Chromium. Bootstrap reads these from the environment once.
 *
 * @param baseUrl        where {@code /{handle}} profile pages are read, e.g. {@code https://x.com}
 * @param scrapeTimeout  the deadline of one whole scrape: waiting for a browser, starting it, loading, waiting
 * @param chromiumBinary the browser executable itself (not a wrapper script that might add flags)
 * @param chromedriver   the driver executable; given explicitly so that Selenium Manager never runs
 * @param poolSize       how many browsers may run at once (1 on Lambda, a few on a workstation)
 * @param workRoot       the folder under which each browser gets a folder of its own, for everything it writes
 */
public record SeleniumSettings(URI baseUrl, Duration scrapeTimeout, Path chromiumBinary, Path chromedriver, int poolSize,
        Path workRoot) {

    public SeleniumSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
        Objects.requireNonNull(chromiumBinary, "chromiumBinary");
        Objects.requireNonNull(chromedriver, "chromedriver");
        Objects.requireNonNull(workRoot, "workRoot");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (scrapeTimeout.isNegative() || scrapeTimeout.isZero()) {
            throw new IllegalArgumentException("scrapeTimeout must be positive: " + scrapeTimeout);
        }
        int rootLength = workRoot.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
        if (rootLength > Browser.MAX_WORK_ROOT_LENGTH) {
            throw new IllegalArgumentException("workRoot must be at most " + Browser.MAX_WORK_ROOT_LENGTH
                    + " bytes long, or Chromium cannot create its socket under it: " + workRoot);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        // A trailing slash would double up in "{baseUrl}/{handle}".
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
    }

    /** Browser folders under {@code java.io.tmpdir}. */
    public SeleniumSettings(URI baseUrl, Duration scrapeTimeout, Path chromiumBinary, Path chromedriver, int poolSize) {
        this(baseUrl, scrapeTimeout, chromiumBinary, chromedriver, poolSize, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The page where {@code handle}'s profile is shown. */
    URI profileUrl(String handle) {
        return URI.create(baseUrl + "/" + handle);
    }

    /** The origin whose cookies and storage are wiped between scrapes. */
    String origin() {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    }
}
