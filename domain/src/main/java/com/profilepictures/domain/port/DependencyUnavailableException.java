package com.profilepictures.domain.port;

/**
 * Something this service depends on did not answer, or is not there: the store, the archive, X's image host, the
 * browser, the refresh's queue. Never the caller's fault, and worth another try later; what was asked was not done.
 */
public abstract sealed class DependencyUnavailableException extends RuntimeException
        permits StorageUnavailableException,
                ArchiveUnavailableException,
                PictureHostUnavailableException,
                ScraperUnavailableException,
                QueueUnavailableException {

    protected DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
