package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link Reply} into an API Gateway response: the status it says, its body, and the headers every
 * response carries ({@code X-Request-Id}, {@code Content-Type} with a body, and {@code Retry-After} on 503s).
 */
public final class ApiResponses {

    public static final String CONTENT_TYPE = "application/json";
    public static final String HTML_CONTENT_TYPE = "text/html; charset=utf-8";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private ApiResponses() {}

    static APIGatewayProxyResponseEvent of(Reply reply, String requestId) {
        return switch (reply) {
            case Reply.Json(ResponseBody body) -> json(200, body, requestId, Map.of());
            case Reply.Redirect redirect -> redirect(redirect, requestId);
            case Reply.Html(GalleryPage page) -> html(page, requestId);
            case Reply.Failure(ApiError error, String message) ->
                json(
                        error.status(),
                        new ResponseBody.ErrorBody(error.code(), message, requestId),
                        requestId,
                        error.retryAfter()
                                .map(after -> Map.of(RETRY_AFTER_HEADER, Long.toString(after.toSeconds())))
                                .orElse(Map.of()));
        };
    }

    /**
     * The one answer that is not JSON: a {@code 302} with no body. It is {@code private} to the client's cache:
     * the URL it points at is signed for a while, and only for whoever was handed it.
     */
    private static APIGatewayProxyResponseEvent redirect(Reply.Redirect redirect, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", redirect.location().toString());
        headers.put("Cache-Control", "private, max-age=" + redirect.cacheFor().toSeconds());
        headers.put(REQUEST_ID_HEADER, requestId);
        headers.put("Access-Control-Allow-Origin", "*");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(302)
                .withHeaders(headers)
                .withIsBase64Encoded(false);
    }

    /**
     * The other answer that is not JSON: the gallery's HTML, with the policy that lets it run its own inline
     * script and style and load images from here and the archive only. It is not cached for long, since the
     * hashes in the policy change with every release.
     */
    private static APIGatewayProxyResponseEvent html(GalleryPage page, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", HTML_CONTENT_TYPE);
        headers.put("Content-Security-Policy", page.contentSecurityPolicy());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-cache");
        headers.put(REQUEST_ID_HEADER, requestId);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(headers)
                .withBody(page.html())
                .withIsBase64Encoded(false);
    }

    private static APIGatewayProxyResponseEvent json(
            int status, ResponseBody body, String requestId, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put(REQUEST_ID_HEADER, requestId);
        // With a proxy integration API Gateway adds CORS headers only to its own responses and the
        // preflight; a browser reading ours needs this one from the function.
        headers.put("Access-Control-Allow-Origin", "*");
        headers.putAll(extraHeaders);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(toJson(body))
                .withIsBase64Encoded(false);
    }

    /**
     * Compact, since nobody reads these bodies by eye and every byte is paid for; not HTML-escaped, since
     * clients want URLs as they are ({@code =} and {@code &}, not {@code \u003d} and {@code \u0026}).
     */
    static String toJson(ResponseBody body) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            body.write(out);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("A StringWriter does not fail", cannotHappen);
        }
        return text.toString();
    }
}
