package com.profilepictures.domain.scrape;

import java.util.Locale;

/** A way of reading an account's picture off X. */
public enum ScrapeSource {
    /**
     * X's own API (v2 user lookup), with the operator's app-only bearer token: the one way with a documented
     * contract, and the only one that answers up to a hundred accounts a request.
     */
    X_API,
    /** Plain HTTP on the page X renders on its server for link-preview crawlers; no browser. */
    CRAWLER,
    /** Headless Chromium on the profile page, waiting for X's app to render it. */
    BROWSER;

    /** The name used in configuration ({@code SCRAPE_SOURCES}) and in responses ({@code source}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
