package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.port.ScraperUnavailableException;

/** A browser failure, told to a person in one line: Selenium's messages run to many, mostly diagnostics. */
final class Failures {

    private Failures() {}

    static ScraperUnavailableException unavailable(String what, Exception cause) {
        String message = cause.getMessage();
        String firstLine =
                message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
        return new ScraperUnavailableException(what + ": " + firstLine, cause);
    }
}
