package com.profilepictures.adapters.lambda;

import java.util.Objects;
import java.util.Optional;

/** What a route answers, before {@link ApiResponses} turns it into an API Gateway response. */
record Reply(Object body, Optional<ApiError> error, String message) {

    Reply {
        Objects.requireNonNull(error, "error");
    }

    static Reply ok(Object body) {
        return new Reply(Objects.requireNonNull(body, "body"), Optional.empty(), null);
    }

    static Reply redirect(Redirect redirect) {
        return new Reply(Objects.requireNonNull(redirect, "redirect"), Optional.empty(), null);
    }

    static Reply error(ApiError error, String message) {
        return new Reply(null, Optional.of(error), Objects.requireNonNull(message, "message"));
    }
}
