package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in for X's API's answers to a whole request, each reachable by a handle anywhere in it (listed in
 * {@link FixtureSite}'s class comment): a 403 for an app without access, a 429 with or without its reset, a 503,
 * a 200 that is not JSON, an answer that stalls, and one far over any sensible size.
 */
final class XApiTroubles {

    private static final String PROBLEMS = "https://api.twitter.com/2/problems/";
    // Over the 1 MiB any client of this API needs; the answer ends somewhere in case one reads it all.
    private static final int OVERSIZED_BYTES = 8 * 1024 * 1024;

    // Released when the site closes, so that a stalled answer lets go at once instead of holding its thread.
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The site is closing: stalled answers stop stalling. */
    void close() {
        closed.countDown();
    }

    /** Whether a handle in {@code keys} stands for an answer to the whole request, which was then sent. */
    boolean answeredAsAWhole(HttpExchange exchange, List<String> keys) throws IOException {
        if (keys.contains(FixtureSite.X_API_FORBIDDEN)) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            Responses.json(
                    exchange,
                    403,
                    "{\"client_id\":\"1\",\"detail\":\"When authenticating requests to the Twitter API v2"
                            + " endpoints, you must use keys and tokens from a Twitter developer App that is attached to a"
                            + " Project.\",\"registration_url\":\"https://developer.x.com/\",\"title\":\"Client Forbidden\","
                            + "\"required_enrollment\":\"Appropriate Level of API Access\",\"reason\":\"client-not-enrolled\","
                            + "\"type\":\"" + PROBLEMS + "client-forbidden\"}");
            return true;
        }
        if (keys.contains(FixtureSite.RATE_LIMITED) || keys.contains(FixtureSite.X_API_LIMITED_WITHOUT_RESET)) {
            if (!keys.contains(FixtureSite.RATE_LIMITED)) {
                exchange.getResponseHeaders().remove("x-rate-limit-reset");
            }
            exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
            XApiLookup.problem(exchange, 429, "Too Many Requests", "Too Many Requests", "about:blank");
            return true;
        }
        if (keys.contains(FixtureSite.ERROR_PAGE)) {
            XApiLookup.problem(exchange, 503, "Service Unavailable", "Service Unavailable", "about:blank");
            return true;
        }
        if (keys.contains(FixtureSite.X_API_UNREADABLE)) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            Responses.json(
                    exchange, 200, "<!DOCTYPE html><title>Over capacity</title><p>Something is technically wrong.</p>");
            return true;
        }
        if (keys.contains(FixtureSite.SLOW_FOR_CRAWLERS)) {
            stall(exchange);
            return true;
        }
        if (keys.contains(FixtureSite.OVERSIZED_PAGE)) {
            sendOversized(exchange);
            return true;
        }
        return false;
    }

    /** The answer's first bytes, then nothing for {@link FixtureSite#SLOW_CRAWLER_PAGE_DELAY} or until the site closes. */
    private void stall(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            closed.await(FixtureSite.SLOW_CRAWLER_PAGE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the site is closing
        } catch (IOException e) {
            // the client gave up: what a client with a deadline does
        }
    }

    /** A 200 whose JSON goes on far past any sensible answer (a long run of spaces inside it). */
    private static void sendOversized(HttpExchange exchange) {
        byte[] padding = new byte[64 * 1024];
        Arrays.fill(padding, (byte) ' ');
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
                for (int sent = 0; sent < OVERSIZED_BYTES; sent += padding.length) {
                    out.write(padding);
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The client stopped reading: what a client with a byte cap does.
        }
    }
}
