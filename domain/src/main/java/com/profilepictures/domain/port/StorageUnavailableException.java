package com.profilepictures.domain.port;

/** The store did not answer in time, even after retries. Nothing was changed by the failed call. */
public final class StorageUnavailableException extends DependencyUnavailableException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
