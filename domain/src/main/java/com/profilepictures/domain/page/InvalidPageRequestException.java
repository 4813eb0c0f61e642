package com.profilepictures.domain.page;

/** A page size outside what the service serves; the message is for a person. */
public final class InvalidPageRequestException extends IllegalArgumentException {

    public InvalidPageRequestException(String message) {
        super(message);
    }
}
