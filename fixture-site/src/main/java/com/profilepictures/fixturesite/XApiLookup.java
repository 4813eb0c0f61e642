package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The fixture site's stand-in for X API v2 user lookup, as X documents it: {@code GET /2/users/by/username/{handle}}
 * and {@code GET /2/users/by?usernames=a,b,…} (1 to 100), {@code user.fields=profile_image_url} for the picture
 * ({@code _normal}, as X gives it), app-only {@code Authorization: Bearer {@value FixtureSite#X_API_TOKEN}} (a 401
 * problem without it), found accounts under {@code data} and the rest under {@code errors} in one 200, and
 * {@code x-rate-limit-*} headers on every answer. The accounts are the pages' (see {@link FixtureSite}), and a few
 * handles stand for what the API itself can answer; one of those anywhere in a batch decides the whole answer.
 */
final class XApiLookup {

    static final String PATH_PREFIX = "/2/users/by";
    static final int MAX_USERNAMES = 100;
    static final int WINDOW_LIMIT = 300;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final String ONE_PATH = PATH_PREFIX + "/username/";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

    private final Consumer<String> onRequest;
    private final UnaryOperator<String> currentPicture;
    private final Clock clock;
    private final long windowStart;
    private final AtomicInteger inWindow = new AtomicInteger();
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final XApiTroubles troubles = new XApiTroubles();

    XApiLookup(Consumer<String> onRequest, UnaryOperator<String> currentPicture, Clock clock) {
        this.onRequest = onRequest;
        this.currentPicture = currentPicture;
        this.clock = clock;
        this.windowStart = clock.instant().getEpochSecond();
    }

    static boolean serves(String path) {
        return path.equals(PATH_PREFIX) || path.startsWith(ONE_PATH);
    }

    /** The usernames each request asked for, in order, whatever it was answered (401s included). */
    List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** The site is closing: stalled answers stop stalling. */
    void close() {
        troubles.close();
    }

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query =
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        boolean batch = path.equals(PATH_PREFIX);
        List<String> usernames = batch
                ? Optional.ofNullable(parameter(query, "usernames"))
                        .map(value -> Arrays.asList(value.split(",", -1)))
                        .orElse(List.of())
                : List.of(path.substring(ONE_PATH.length()));
        requests.add(List.copyOf(usernames));
        rateLimitHeaders(exchange);
        if (!("Bearer " + FixtureSite.X_API_TOKEN)
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "Unauthorized", "Unauthorized", "about:blank");
            return;
        }
        if (usernames.isEmpty() || usernames.size() > MAX_USERNAMES) {
            invalid(
                    exchange,
                    "usernames",
                    "The number of values in the `usernames` query parameter list [" + usernames.size()
                            + "] is not between 1 and 100");
            return;
        }
        for (String username : usernames) {
            if (!USERNAME.matcher(username).matches()) {
                invalid(
                        exchange,
                        batch ? "usernames" : "username",
                        "The `usernames` query parameter value [" + username + "] does not match ^[A-Za-z0-9_]{1,15}$");
                return;
            }
        }
        List<String> keys =
                usernames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        keys.forEach(onRequest);
        if (troubles.answeredAsAWhole(exchange, keys)) {
            return;
        }
        String fields = Optional.ofNullable(parameter(query, "user.fields")).orElse("");
        boolean withPicture = Arrays.asList(fields.split(",")).contains("profile_image_url");
        List<String> data = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String parameter = batch ? "usernames" : "username";
        for (String username : usernames) {
            String key = username.toLowerCase(Locale.ROOT);
            switch (key) {
                case FixtureSite.NONEXISTENT ->
                    errors.add(error(
                            username,
                            parameter,
                            "Could not find user with " + parameter + ": [" + username + "].",
                            "Not Found Error"));
                case FixtureSite.SUSPENDED ->
                    errors.add(error(username, parameter, "User has been suspended: [" + username + "].", "Forbidden"));
                case FixtureSite.X_API_OMITTED -> {
                    // Neither found nor an error: an answer that leaves an account out.
                }
                case FixtureSite.SHOWS_ANOTHER_ACCOUNT -> data.add(user(FixtureSite.ANOTHER_ACCOUNT, withPicture));
                default -> data.add(user(key, withPicture));
            }
        }
        StringBuilder body = new StringBuilder("{");
        if (!data.isEmpty()) {
            body.append("\"data\":").append(batch ? "[" + String.join(",", data) + "]" : data.get(0));
        }
        if (!errors.isEmpty()) {
            body.append(data.isEmpty() ? "" : ",")
                    .append("\"errors\":[")
                    .append(String.join(",", errors))
                    .append(']');
        }
        Responses.json(exchange, 200, body.append('}').toString());
    }

    private String user(String key, boolean withPicture) {
        String handle = FixtureSite.canonicalSpellingOf(key);
        StringBuilder user = new StringBuilder("{\"id\":\"")
                .append(AccountPictures.accountIdOf(key))
                .append("\",\"name\":\"")
                .append(handle)
                .append(" the Tester\",\"username\":\"")
                .append(handle)
                .append('"');
        if (key.equals(FixtureSite.PROTECTED)) {
            user.append(",\"protected\":true");
        }
        if (withPicture) {
            user.append(",\"profile_image_url\":\"")
                    .append(currentPicture.apply(key).replace("_400x400.", "_normal."))
                    .append('"');
        }
        return user.append('}').toString();
    }

    private static String error(String value, String parameter, String detail, String title) {
        return "{\"value\":\"" + value + "\",\"detail\":\"" + detail + "\",\"title\":\"" + title
                + "\",\"resource_type\":\"user\",\"parameter\":\"" + parameter + "\",\"resource_id\":\"" + value
                + "\",\"type\":\"" + PROBLEMS + "resource-not-found\"}";
    }

    private void rateLimitHeaders(HttpExchange exchange) {
        long now = clock.instant().getEpochSecond();
        long windows = (now - windowStart) / WINDOW.toSeconds();
        long reset = windowStart + (windows + 1) * WINDOW.toSeconds();
        int used = inWindow.incrementAndGet(); // a demo never fills a window; the count is for the headers only
        exchange.getResponseHeaders().set("x-rate-limit-limit", String.valueOf(WINDOW_LIMIT));
        exchange.getResponseHeaders().set("x-rate-limit-remaining", String.valueOf(Math.max(0, WINDOW_LIMIT - used)));
        exchange.getResponseHeaders().set("x-rate-limit-reset", String.valueOf(reset));
    }

    private static void invalid(HttpExchange exchange, String parameter, String message) throws IOException {
        Responses.json(
                exchange,
                400,
                "{\"errors\":[{\"parameters\":{\"" + parameter + "\":[]},\"message\":\"" + message
                        + "\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
                        + "\"type\":\"" + PROBLEMS + "invalid-request\"}");
    }

    static void problem(HttpExchange exchange, int status, String title, String detail, String type)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        Responses.json(
                exchange,
                status,
                "{\"title\":\"" + title + "\",\"detail\":\"" + detail + "\",\"type\":\"" + type + "\",\"status\":"
                        + status + "}");
    }

    private static String parameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
