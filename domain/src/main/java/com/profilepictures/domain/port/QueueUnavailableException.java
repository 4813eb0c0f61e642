package com.profilepictures.domain.port;

/** The queue did not take every message, even after retries; the message says which were not sent. */
public final class QueueUnavailableException extends DependencyUnavailableException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
