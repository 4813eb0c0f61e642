package com.profilepictures.domain.picture;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An X handle: 1 to 15 of {@code [A-Za-z0-9_]}. X treats handles case-insensitively, so two
 * handles are equal when their {@link #key() keys} are; the {@link #display() display} spelling
 * is kept because the profile page shows it and clients expect it back.
 */
public record Handle(String display) {

    public static final int MAX_LENGTH = 15;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_]+");

    public Handle {
        if (display == null) {
            throw new InvalidHandleException("A handle is required.");
        }
        if (display.isEmpty()) {
            throw new InvalidHandleException("A handle must not be empty.");
        }
        if (display.length() > MAX_LENGTH) {
            throw new InvalidHandleException(
                    "A handle has at most " + MAX_LENGTH + " characters; this one has " + display.length() + ".");
        }
        // matches() anchors at both ends, and [...] excludes '\n', so "jack\n" is rejected.
        if (!ALLOWED.matcher(display).matches()) {
            throw new InvalidHandleException(
                    "A handle may contain only letters A-Z, digits 0-9 and underscores (no '@', spaces or other characters).");
        }
    }

    /** The handle as typed or as shown on the profile page. */
    public static Handle of(String display) {
        return new Handle(display);
    }

    /** The one lower-cased spelling under which a user is stored: {@code JACK} and {@code jack} share it. */
    public String key() {
        return display.toLowerCase(Locale.ROOT);
    }

    /** True when both name the same account, whatever their capitalisation. */
    public boolean sameAccountAs(Handle other) {
        return key().equals(other.key());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Handle handle && key().equals(handle.key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return display;
    }
}
