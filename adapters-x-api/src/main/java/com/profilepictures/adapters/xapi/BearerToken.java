package com.profilepictures.adapters.xapi;

import java.util.regex.Pattern;

/**
 * The operator's app-only bearer token for X's API. It is a secret: {@link #toString()} redacts it, and
 * nothing but the request's {@code Authorization} header ever reads it, so it cannot reach a log, an answer, an
 * exception's message or a dump of the settings that hold it.
 */
public final class BearerToken {

    // What X issues: URL-safe characters and '%'; anything else (a line break above all) could forge headers.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9%._~+/=-]{1,1024}");

    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    /**
     * The token as X issued it, trimmed (a secret's string or a variable often ends with a line break). The
     * message of a refusal says what is wrong without repeating the value.
     */
    public static BearerToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The bearer token is empty.");
        }
        String trimmed = value.trim();
        if (!TOKEN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("The bearer token is not one X issues: 1 to 1024 of A-Z a-z 0-9 and"
                    + " % . _ ~ + / = - (no spaces or line breaks inside); its value is not shown.");
        }
        return new BearerToken(trimmed);
    }

    /** The {@code Authorization} header's value: the one place the token is read. */
    String authorization() {
        return "Bearer " + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BearerToken token && value.equals(token.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
