package com.profilepictures.domain.page;

/** A {@code lastKey} that this service did not issue; the message is for a person. */
public final class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
