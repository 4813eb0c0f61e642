package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.HistoryCursor;
import com.profilepictures.domain.HistoryPageRequest;
import com.profilepictures.domain.ImageVersion;
import com.profilepictures.domain.InvalidCursorException;
import com.profilepictures.domain.InvalidHandleException;
import com.profilepictures.domain.InvalidImageVersionException;
import com.profilepictures.domain.InvalidPageRequestException;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client input turned into domain values, or rejected with the domain's own message. This is the only
 * place where a validation exception becomes a 400: one thrown later, inside a use case, is a bug.
 */
final class RequestInput {

    // At most nine digits, so that parsing cannot overflow; anything longer is out of range anyway.
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private RequestInput() {}

    /** {@code null} means the handle is missing. */
    static Handle handle(String handle) {
        try {
            return Handle.of(handle);
        } catch (InvalidHandleException invalid) {
            throw new ApiException(ApiError.INVALID_HANDLE, invalid.getMessage());
        }
    }

    /** An absent or empty {@code lastKey} asks for the first page. */
    static PageRequest pageRequest(Optional<String> lastKey, Optional<String> limit) {
        Optional<PageCursor> after = lastKey.filter(key -> !key.isEmpty()).map(RequestInput::cursor);
        int size = limit.map(RequestInput::limit).orElse(PageRequest.DEFAULT_LIMIT);
        try {
            return new PageRequest(after, size);
        } catch (InvalidPageRequestException invalid) {
            throw new ApiException(ApiError.INVALID_LIMIT, invalid.getMessage());
        }
    }

    private static PageCursor cursor(String lastKey) {
        try {
            return PageCursor.decode(lastKey);
        } catch (InvalidCursorException invalid) {
            throw new ApiException(ApiError.INVALID_CURSOR, invalid.getMessage());
        }
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

    /** The {@code {handle}} path parameter; API Gateway has URL-decoded it already, so it is not decoded again. */
    static Handle pathHandle(APIGatewayProxyRequestEvent event) {
        Map<String, String> pathParameters = event.getPathParameters();
        return handle(pathParameters == null ? null : pathParameters.get("handle"));
    }

    /**
     * A query parameter given at most once. API Gateway keeps only the last of {@code ?limit=5&limit=50}
     * in the single-valued map; rather than guess which one the client meant, a repeat is refused.
     */
    static Optional<String> queryParameter(APIGatewayProxyRequestEvent event, String name, ApiError ifRepeated) {
        Map<String, List<String>> multiValued = event.getMultiValueQueryStringParameters();
        if (multiValued != null
                && multiValued.get(name) != null
                && multiValued.get(name).size() > 1) {
            throw new ApiException(ifRepeated, name + " may be given only once.");
        }
        Map<String, String> singleValued = event.getQueryStringParameters();
        return Optional.ofNullable(singleValued == null ? null : singleValued.get(name));
    }

    /** An absent or empty {@code lastKey} asks for the newest entries. */
    static HistoryPageRequest historyPageRequest(Optional<String> lastKey, Optional<String> limit) {
        Optional<HistoryCursor> after = lastKey.filter(key -> !key.isEmpty()).map(key -> {
            try {
                return HistoryCursor.decode(key);
            } catch (InvalidCursorException invalid) {
                throw new ApiException(ApiError.INVALID_CURSOR, invalid.getMessage());
            }
        });
        int size = limit.map(RequestInput::limit).orElse(PageRequest.DEFAULT_LIMIT);
        try {
            return new HistoryPageRequest(after, size);
        } catch (InvalidPageRequestException invalid) {
            throw new ApiException(ApiError.INVALID_LIMIT, invalid.getMessage());
        }
    }

    /** A {@code version}: given, it must be one, empty included. */
    static ImageVersion version(String version) {
        try {
            return ImageVersion.of(version);
        } catch (InvalidImageVersionException invalid) {
            throw new ApiException(ApiError.INVALID_VERSION, invalid.getMessage());
        }
    }
}
