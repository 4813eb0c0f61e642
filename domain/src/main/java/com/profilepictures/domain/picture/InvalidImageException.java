package com.profilepictures.domain.picture;

/** Bytes that are not an image worth archiving (wrong type, wrong magic number, too big); the message says which. */
public final class InvalidImageException extends IllegalArgumentException {

    public InvalidImageException(String message) {
        super(message);
    }
}
