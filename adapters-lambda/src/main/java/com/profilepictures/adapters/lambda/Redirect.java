package com.profilepictures.adapters.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** A {@code 302} to {@code location}, which clients may reuse for {@code cacheFor}; it has no body. */
record Redirect(URI location, Duration cacheFor) {

    Redirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cacheFor, "cacheFor");
    }
}
