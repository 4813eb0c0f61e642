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
 * @param commandTimeout the longest the scraper waits on a browser for any one thing: starting one to warm the
 *                       pool, loading a page, any other WebDriver call. A scrape's deadline cuts them shorter;
 *                       this bounds them where no deadline does. No step of a scrape can use more than the
 *                       whole, so the scrape function sets it to {@code SCRAPE_TIMEOUT}.
 * @param chromiumBinary the browser executable itself (not a wrapper script that might add flags)
 * @param chromedriver   the driver executable; given explicitly so that Selenium Manager never runs
 * @param poolSize       how many browsers may run at once (1 on Lambda, a few on a workstation)
 * @param workRoot       the folder under which each browser gets a folder of its own, for everything it writes
 */
public record SeleniumSettings(
        URI baseUrl, Duration commandTimeout, Path chromiumBinary, Path chromedriver, int poolSize, Path workRoot) {

    public SeleniumSettings {
        baseUrl = siteRoot(baseUrl);
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
        }
        Objects.requireNonNull(chromiumBinary, "chromiumBinary");
        Objects.requireNonNull(chromedriver, "chromedriver");
        requireRoomForSockets(workRoot);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
    }

    /** Browser folders under {@code java.io.tmpdir}. */
    public SeleniumSettings(
            URI baseUrl, Duration commandTimeout, Path chromiumBinary, Path chromedriver, int poolSize) {
        this(
                baseUrl,
                commandTimeout,
                chromiumBinary,
                chromedriver,
                poolSize,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The page where {@code handle}'s profile is shown. */
    URI profileUrl(String handle) {
        return URI.create(baseUrl + "/" + handle);
    }

    /** The origin whose cookies and storage are wiped between scrapes. */
    String origin() {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    }

    /** {@code baseUrl}, which must be an absolute http(s) URL, without trailing slashes. */
    private static URI siteRoot(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        // A trailing slash would double up in "{baseUrl}/{handle}".
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** Refuses a {@code workRoot} so long that Chromium could not create its socket under it. */
    private static void requireRoomForSockets(Path workRoot) {
        Objects.requireNonNull(workRoot, "workRoot");
        int rootLength = workRoot.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
        if (rootLength > BrowserFolder.MAX_ROOT_LENGTH) {
            throw new IllegalArgumentException("workRoot must be at most " + BrowserFolder.MAX_ROOT_LENGTH
                    + " bytes long, or Chromium cannot create its socket under it: " + workRoot);
        }
    }
}
