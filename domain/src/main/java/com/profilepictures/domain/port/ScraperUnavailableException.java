package com.profilepictures.domain.port;

/** The browser could not be started, or died mid-scrape. The next scrape starts afresh. */
public final class ScraperUnavailableException extends DependencyUnavailableException {

    public ScraperUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
