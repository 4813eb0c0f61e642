package com.profilepictures.domain.picture;

/** A string that is not the URL of an X profile picture; the message is for a person. */
public final class InvalidPictureUrlException extends IllegalArgumentException {

    public InvalidPictureUrlException(String message) {
        super(message);
    }
}
