package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.domain.page.InvalidCursorException;
import com.profilepictures.domain.page.InvalidPageRequestException;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.InvalidImageVersionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One request's client input turned into domain values, or rejected with the domain's own message; what it
 * reads goes into the request's log line. Every handler reads its request through one, and this is the only
 * place where a validation exception becomes a 400: one thrown later, inside a use case, is a bug.
 */
final class RequestInput {

    // At most nine digits, so that parsing cannot overflow; anything longer is out of range anyway.
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private final APIGatewayProxyRequestEvent event;
    private final LogLine log;

    RequestInput(APIGatewayProxyRequestEvent event, LogLine log) {
        this.event = Objects.requireNonNull(event, "event");
        this.log = Objects.requireNonNull(log, "log");
    }

    APIGatewayProxyRequestEvent event() {
        return event;
    }

    /** The links of this request's answer, built from what the client used to reach it. */
    ImageLinks links() {
        return ImageLinks.of(event);
    }

    /** The {@code {handle}} path parameter; API Gateway has URL-decoded it already, so it is not decoded again (%2540 stays). */
    Handle pathHandle() {
        Map<String, String> pathParameters = event.getPathParameters();
        return logged(handle(pathParameters == null ? null : pathParameters.get("handle")));
    }

    /** The handle in {@code POST /scrape}'s body. */
    Handle bodyHandle() {
        return logged(handle(ScrapeRequestBody.handleValue(event)));
    }

    /**
     * {@code ?lastKey=&limit=}: the first page for an absent or empty {@code lastKey}, else the page after the
     * cursor {@code decode} reads from it.
     */
    <C> PageRequest<C> pageRequest(Function<String, C> decode) {
        Optional<C> after = queryParameter("lastKey", ApiError.INVALID_CURSOR)
                .filter(key -> !key.isEmpty())
                .map(key -> {
                    try {
                        return decode.apply(key);
                    } catch (InvalidCursorException invalid) {
                        throw new ApiException(ApiError.INVALID_CURSOR, invalid.getMessage());
                    }
                });
        int size = queryParameter("limit", ApiError.INVALID_LIMIT)
                .map(RequestInput::limit)
                .orElse(PageRequest.DEFAULT_LIMIT);
        try {
            PageRequest<C> request = new PageRequest<>(after, size);
            log.put("limit", request.limit()).put("firstPage", request.after().isEmpty());
            return request;
        } catch (InvalidPageRequestException invalid) {
            throw new ApiException(ApiError.INVALID_LIMIT, invalid.getMessage());
        }
    }

    /** {@code ?version=}: absent, or given and a version, empty included. */
    Optional<ImageVersion> version() {
        return queryParameter("version", ApiError.INVALID_VERSION).map(version -> {
            try {
                ImageVersion asked = ImageVersion.of(version);
                log.put("version", asked.sha256());
                return asked;
            } catch (InvalidImageVersionException invalid) {
                throw new ApiException(ApiError.INVALID_VERSION, invalid.getMessage());
            }
        });
    }

    private Handle logged(Handle handle) {
        log.put("handle", handle.display());
        return handle;
    }

    /** {@code null} means the handle is missing. */
    private static Handle handle(String handle) {
        try {
            return Handle.of(handle);
        } catch (InvalidHandleException invalid) {
            throw new ApiException(ApiError.INVALID_HANDLE, invalid.getMessage());
        }
    }

    /**
     * A query parameter given at most once. API Gateway keeps only the last of {@code ?limit=5&limit=50}
     * in the single-valued map; rather than guess which one the client meant, a repeat is refused.
     */
    private Optional<String> queryParameter(String name, ApiError ifRepeated) {
        Map<String, List<String>> multiValued = event.getMultiValueQueryStringParameters();
        if (multiValued != null
                && multiValued.get(name) != null
                && multiValued.get(name).size() > 1) {
            throw new ApiException(ifRepeated, name + " may be given only once.");
        }
        Map<String, String> singleValued = event.getQueryStringParameters();
        return Optional.ofNullable(singleValued == null ? null : singleValued.get(name));
    }

    // Plain digits only: no sign, no spaces, no fraction, no exponent. " 5" and "1.5" are typos to report,
    // not numbers to guess at.
    private static int limit(String limit) {
        if (!WHOLE_NUMBER.matcher(limit).matches()) {
            throw new ApiException(
                    ApiError.INVALID_LIMIT,
                    "limit must be a whole number from " + PageRequest.MIN_LIMIT + " to " + PageRequest.MAX_LIMIT
                            + ".");
        }
        return Integer.parseInt(limit);
    }
}
