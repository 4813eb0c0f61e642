package com.profilepictures.domain.picture;

/** A string that is not an image version (a SHA-256 in lower-case hex); the message is for a person. */
public final class InvalidImageVersionException extends IllegalArgumentException {

    public InvalidImageVersionException(String message) {
        super(message);
    }
}
