package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How the fixture site sends a whole answer: a page, JSON, a redirect. One place for the headers every answer has. */
final class Responses {

    private Responses() {}

    /** A page, never cached (a changed picture shows at once). */
    static void html(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        bytes(exchange, status, html.getBytes(StandardCharsets.UTF_8));
    }

    /** The site's short "nothing here" page, {@code what} being what is missing. */
    static void notFound(HttpExchange exchange, String what) throws IOException {
        html(exchange, 404, "<!DOCTYPE html><title>Not found</title><p>" + what + "</p>");
    }

    /** JSON, as {@code application/json} unless the answer already has a content type (a problem's, say). */
    static void json(HttpExchange exchange, int status, String json) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        bytes(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 302 to {@code location}, without a body. */
    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** {@code body} with its length declared; the content type is the caller's. */
    static void bytes(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
