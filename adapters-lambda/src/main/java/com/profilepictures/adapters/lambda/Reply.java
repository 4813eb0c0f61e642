package com.profilepictures.adapters.lambda;

import com.profilepictures.domain.picture.Handle;
import java.net.URI;
import java.time.Duration;

/**
 * What a route answers, before {@link ApiResponses} turns it into an API Gateway response. Only this package's
 * routes build one, from values they hold, so no component is ever null: the records carry no checks of their own.
 */
sealed interface Reply {

    /** A {@code 200} with a JSON body. */
    record Json(ResponseBody body) implements Reply {}

    /** A {@code 302} to {@code location}, which clients may reuse for {@code cacheFor}; it has no body. */
    record Redirect(URI location, Duration cacheFor) implements Reply {}

    /** A {@code 200} with a page for people: the gallery. */
    record Html(GalleryPage page) implements Reply {}

    /** An error of the contract, with a message for the person who sent the request. */
    record Failure(ApiError error, String message) implements Reply {

        /** The error with its own message, for when there is nothing more specific to say. */
        static Failure of(ApiError error) {
            return new Failure(error, error.defaultMessage());
        }

        /** Every route that reads an account answers this way for one never stored. */
        static Failure userNotFound(Handle handle) {
            return new Failure(
                    ApiError.USER_NOT_FOUND,
                    "No picture is stored for @" + handle.display() + "; POST /scrape it first.");
        }
    }
}
