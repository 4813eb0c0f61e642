package com.profilepictures.application;

import com.profilepictures.domain.picture.ImageVersion;
import java.net.URI;
import java.util.Objects;

/** What looking up an account's archived picture found. */
public sealed interface ImageLookup {

    /** A copy, and a time-limited URL to read it from. */
    record Found(ImageVersion version, URI location) implements ImageLookup {
        public Found {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(location, "location");
        }
    }

    /** No picture was ever stored for the account. */
    record UserNotFound() implements ImageLookup {}

    /** The account is stored, but no copy was archived (yet), or its history has no such version. */
    record NotArchived() implements ImageLookup {}
}
