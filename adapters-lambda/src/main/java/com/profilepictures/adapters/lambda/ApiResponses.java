package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link Reply} into an API Gateway response: the status its {@link ApiError} says, a compact
 * JSON body, and the headers every response carries ({@code Content-Type}, {@code X-Request-Id},
 * and {@code Retry-After} on 503s).
 */
public final class ApiResponses {

    public static final String CONTENT_TYPE = "application/json";
    public static final String HTML_CONTENT_TYPE = "text/html; charset=utf-8";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    // HTML escaping would turn '=' and '&' into \u003d and \u0026; clients want URLs as they are.
    // Compact, since nobody reads these bodies by eye and every byte is paid for. Every body has a
    // hand-written writer: Gson's reflective first write costs a cold start about 10 ms (bench/README.md).
    static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(ResponseBodies.ScrapedPicture.class, new ResponseBodies.ScrapedPictureWriter())
            .registerTypeAdapter(ResponseBodies.StoredPicture.class, new ResponseBodies.StoredPictureWriter())
            .registerTypeAdapter(ResponseBodies.UserList.class, new ResponseBodies.UserListWriter())
            .registerTypeAdapter(ResponseBodies.ErrorBody.class, new ResponseBodies.ErrorBodyWriter())
            .registerTypeAdapter(ResponseBodies.PictureHistory.class, new ResponseBodies.PictureHistoryWriter())
            .create();

    private ApiResponses() {}

    static APIGatewayProxyResponseEvent of(Reply reply, String requestId) {
        if (reply.body() instanceof Redirect redirect) {
            return redirect(redirect, requestId);
        }
        if (reply.body() instanceof GalleryPage page) {
            return page(page, requestId);
        }
        if (reply.error().isEmpty()) {
            return respond(200, reply.body(), requestId, Map.of());
        }
        ApiError error = reply.error().get();
        Map<String, String> extraHeaders = error.retryAfter()
                .map(after -> Map.of(RETRY_AFTER_HEADER, Long.toString(after.toSeconds())))
                .orElse(Map.of());
        return respond(
                error.status(),
                ResponseBodies.error(error.code(), reply.message(), requestId),
                requestId,
                extraHeaders);
    }

    /**
     * The one answer that is not JSON: a {@code 302} with no body. It is {@code private} to the client's cache:
     * the URL it points at is signed for a while, and only for whoever was handed it.
     */
    private static APIGatewayProxyResponseEvent redirect(Redirect redirect, String requestId) {
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
    private static APIGatewayProxyResponseEvent page(GalleryPage page, String requestId) {
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

    private static APIGatewayProxyResponseEvent respond(
            int status, Object body, String requestId, Map<String, String> extraHeaders) {
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
                .withBody(GSON.toJson(body))
                .withIsBase64Encoded(false);
    }
}
