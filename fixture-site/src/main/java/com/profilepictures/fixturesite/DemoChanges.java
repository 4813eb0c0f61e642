package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The demo's own control, under {@value #PREFIX} (a path X never serves): {@code POST /_demo/change/{handle}} gives
 * a normal profile a new picture, as {@link FixtureSite#changePicture} does, so that a person (or a test of a
 * separate process) can watch a refresh find it. It answers 200 with
 * {@code {"handle":"Jack","previous":"…","picture":"…"}}, the URLs as the pages name them ({@code _400x400});
 * a handle that is not a normal profile of the site answers 400, another method 405, another path 404, each
 * with {@code {"error":{"code":"…","message":"…"}}}, and changes nothing.
 */
final class DemoChanges {

    static final String PREFIX = "/_demo/";

    private static final String CHANGE_PREFIX = PREFIX + "change/";
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");

    private final UnaryOperator<String> currentPicture;
    private final UnaryOperator<String> changePicture;

    /**
     * {@code currentPicture} gives a handle's picture now; {@code changePicture} gives it a new one, returned, or
     * throws {@link IllegalArgumentException} for a handle whose picture does not change.
     */
    DemoChanges(UnaryOperator<String> currentPicture, UnaryOperator<String> changePicture) {
        this.currentPicture = currentPicture;
        this.changePicture = changePicture;
    }

    static boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(CHANGE_PREFIX)) {
            error(exchange, 404, "not_found", "The demo site's control is POST " + CHANGE_PREFIX + "{handle}.");
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, "method_not_allowed", "Use POST to change a picture.");
            return;
        }
        String handle = path.substring(CHANGE_PREFIX.length());
        if (!HANDLE.matcher(handle).matches()) {
            error(exchange, 400, "invalid_handle", "A handle is 1 to 15 of A-Z, a-z, 0-9 and _.");
            return;
        }
        String previous = currentPicture.apply(handle);
        String picture;
        try {
            picture = changePicture.apply(handle);
        } catch (IllegalArgumentException specialCase) {
            error(exchange, 400, "not_a_normal_profile", specialCase.getMessage());
            return;
        }
        Responses.json(
                exchange,
                200,
                "{\"handle\":\"" + FixtureSite.canonicalSpellingOf(handle) + "\",\"previous\":\"" + previous
                        + "\",\"picture\":\"" + picture + "\"}");
    }

    // The messages are the site's own words and a valid handle: nothing in them needs escaping.
    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Responses.json(exchange, status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }
}
