package com.profilepictures.bootstrap;

/** An environment variable with a value the service cannot use; the message names it. */
public final class InvalidConfigurationException extends IllegalArgumentException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
