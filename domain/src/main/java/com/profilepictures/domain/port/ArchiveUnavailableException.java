package com.profilepictures.domain.port;

/** The archive did not answer in time, even after retries. Nothing was kept by the failed call. */
public final class ArchiveUnavailableException extends DependencyUnavailableException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
