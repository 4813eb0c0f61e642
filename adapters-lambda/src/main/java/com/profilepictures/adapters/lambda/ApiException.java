package com.profilepictures.adapters.lambda;

/** Bad input found at the edge: answered with {@code error} and a message for the person who sent it. */
final class ApiException extends RuntimeException {

    private final ApiError error;

    ApiException(ApiError error, String message) {
        // No stack trace: this is an answer, not a fault, and it is never logged as one.
        super(message, null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
