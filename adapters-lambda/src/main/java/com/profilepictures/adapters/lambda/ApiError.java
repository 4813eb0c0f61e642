package com.profilepictures.adapters.lambda;

import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.DependencyUnavailableException;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.time.Duration;
import java.util.Optional;

/**
 * Every error the handlers answer with (docs/API.md's table, less what API Gateway itself answers), and
 * the one place where scrape failures and exceptions become statuses and codes. Handlers name an
 * {@code ApiError}; they never pick a status themselves.
 */
enum ApiError {
    INVALID_JSON(400, "invalid_json", "The body must be a JSON object, e.g. {\"handle\": \"jack\"}."),
    INVALID_HANDLE(400, "invalid_handle", "A handle is 1 to 15 of the letters A-Z, digits 0-9 and underscores."),
    INVALID_CURSOR(400, "invalid_cursor", "lastKey is not a cursor from this service."),
    INVALID_LIMIT(400, "invalid_limit", "limit must be a whole number from 1 to 100."),
    INVALID_VERSION(400, "invalid_version", "version is the SHA-256 of a picture: 64 lower-case hex digits."),
    USER_NOT_FOUND(404, "user_not_found", "No picture is stored for this handle; POST /scrape it first."),
    IMAGE_NOT_ARCHIVED(404, "image_not_archived", "No archived copy of this picture exists (yet)."),
    ACCOUNT_NOT_FOUND(404, "account_not_found", "X says this account does not exist."),
    ACCOUNT_SUSPENDED(
            410, "account_suspended", "X says this account is suspended. It may come back: scrape it again later."),
    PAYLOAD_TOO_LARGE(
            413,
            "payload_too_large",
            "The body is over " + ScrapeRequestBody.MAX_BODY_BYTES
                    + " bytes; a request needs only {\"handle\": \"…\"}."),
    UPSTREAM_BLOCKED(
            502,
            "upstream_blocked",
            "X showed a login wall, a rate-limit page or an error page instead of the profile. Try again later."),
    UPSTREAM_UNREACHABLE(502, "upstream_unreachable", "X's page could not be loaded at all. Try again later."),
    UPSTREAM_MISMATCH(
            502,
            "upstream_mismatch",
            "X answered with another account's profile than the one asked for, so nothing was stored. Try again later."),
    INVALID_PICTURE_URL(
            502,
            "invalid_picture_url",
            "The picture X showed is not an X profile picture's URL on pbs.twimg.com or abs.twimg.com, so nothing was stored."),
    // A dead browser is replaced by the next scrape, so a retry can succeed almost at once.
    SCRAPER_UNAVAILABLE(
            503,
            "scraper_unavailable",
            "The scraper's browser is not available right now. Try again shortly.",
            Duration.ofSeconds(5)),
    // Our configuration, never X's: X's API refused the operator's token and no other source was left. The source
    // asks again after its five-minute pause, so a client that retries sooner gets this again at once.
    CREDENTIALS_REFUSED(
            503,
            "credentials_refused",
            "X's API refused this service's credentials, and no other way of reading X is configured. The operator"
                    + " must fix the token; try again later.",
            Duration.ofMinutes(5)),
    // The repository has retried already; give DynamoDB a little longer before the client tries again.
    STORAGE_UNAVAILABLE(
            503, "storage_unavailable", "Storage did not answer in time. Try again shortly.", Duration.ofSeconds(10)),
    UPSTREAM_TIMEOUT(504, "upstream_timeout", "X gave no verdict before the scrape's deadline. Try again later."),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side. It has been logged under this requestId.");

    private final int status;
    private final String code;
    private final String defaultMessage;
    private final Optional<Duration> retryAfter;

    ApiError(int status, String code, String defaultMessage) {
        this(status, code, defaultMessage, null);
    }

    ApiError(int status, String code, String defaultMessage, Duration retryAfter) {
        this.status = status;
        this.code = code;
        this.defaultMessage = defaultMessage;
        this.retryAfter = Optional.ofNullable(retryAfter);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** A message for a person, for when the handler has nothing more specific to say. */
    String defaultMessage() {
        return defaultMessage;
    }

    /** When a client may usefully try again, sent as {@code Retry-After}; only for 503s. */
    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The answer to a scrape that reached a verdict but found no picture. */
    static ApiError of(ScrapeVerdict.Failure failure) {
        return switch (failure) {
            case ScrapeVerdict.AccountNotFound notFound -> ACCOUNT_NOT_FOUND;
            case ScrapeVerdict.AccountSuspended suspended -> ACCOUNT_SUSPENDED;
            case ScrapeVerdict.Blocked blocked -> UPSTREAM_BLOCKED;
            case ScrapeVerdict.UpstreamUnreachable unreachable -> UPSTREAM_UNREACHABLE;
            case ScrapeVerdict.UpstreamMismatch mismatch -> UPSTREAM_MISMATCH;
            case ScrapeVerdict.InvalidPictureUrl invalid -> INVALID_PICTURE_URL;
            case ScrapeVerdict.TimedOut timedOut -> UPSTREAM_TIMEOUT;
            case ScrapeVerdict.CredentialsRefused refused -> CREDENTIALS_REFUSED;
        };
    }

    /**
     * The answer to an exception out of a use case. Only a dependency's outage has a code of its own; bad input
     * is rejected by the handlers before a use case runs, so a validation exception from deeper down (say, a
     * corrupt stored row) is a bug on our side, not a 400.
     */
    static ApiError of(Throwable thrown) {
        return thrown instanceof DependencyUnavailableException unavailable ? of(unavailable) : INTERNAL_ERROR;
    }

    /** Every dependency's outage, once; the compiler rejects a new one left unmapped. */
    static ApiError of(DependencyUnavailableException unavailable) {
        return switch (unavailable) {
            case StorageUnavailableException storage -> STORAGE_UNAVAILABLE;
            case ScraperUnavailableException scraper -> SCRAPER_UNAVAILABLE;
            // No route answers from these three today (the archive and the refresh meet them, and retry): were one
            // to, the archive and the refresh's queue are storage, and X's image host is X.
            case ArchiveUnavailableException archive -> STORAGE_UNAVAILABLE;
            case QueueUnavailableException queue -> STORAGE_UNAVAILABLE;
            case PictureHostUnavailableException pictureHost -> UPSTREAM_UNREACHABLE;
        };
    }
}
