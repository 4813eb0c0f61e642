package com.profilepictures.domain.port;

/** X's image host could not be reached, did not answer in time, or said to try later (5xx, 429). */
public final class PictureHostUnavailableException extends DependencyUnavailableException {

    public PictureHostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
