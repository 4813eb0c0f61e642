package com.profilepictures.domain.picture;

/** A string that is not a valid X handle; the message is for the person who sent it. */
public final class InvalidHandleException extends IllegalArgumentException {

    public InvalidHandleException(String message) {
        super(message);
    }
}
