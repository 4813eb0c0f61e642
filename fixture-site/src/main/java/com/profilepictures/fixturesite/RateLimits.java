package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A switch for a test: X rate limits everyone until a time it says. Until then every request but the home page
 * and the pictures' bytes is answered 429, profile pages (for crawlers and browsers) with X's error page and
 * {@code Retry-After}, X's API with its problem and {@code x-rate-limit-reset}, as X answers; after it, the site
 * answers as before. It counts the 429s it sent, so that a test can tell the limit was met.
 */
final class RateLimits {

    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.EPOCH);
    private final AtomicInteger answered = new AtomicInteger();

    void limitUntil(Instant reset) {
        until.set(reset);
    }

    int answered() {
        return answered.get();
    }

    /** Whether {@code exchange} was answered 429 because the limit holds now. */
    boolean answered(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Instant reset = until.get();
        Instant now = Instant.now();
        if (!now.isBefore(reset) || path.equals("/") || PictureFiles.isPicturePath(path)) {
            return false;
        }
        answered.incrementAndGet();
        long seconds = Math.max(1, Duration.between(now, reset).plusMillis(999).toSeconds());
        exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        exchange.getResponseHeaders().set("x-rate-limit-remaining", "0");
        exchange.getResponseHeaders().set("x-rate-limit-reset", Long.toString(now.getEpochSecond() + seconds));
        if (XApiLookup.serves(path)) {
            XApiLookup.problem(exchange, 429, "Too Many Requests", "Too Many Requests", "about:blank");
        } else {
            Responses.html(exchange, 429, BrowserPages.errorPage());
        }
        return true;
    }
}
