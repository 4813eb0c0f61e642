package com.profilepictures.adapters.picturehost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for X's image host on a loopback port: answers each path as told, 404 otherwise, and records the
 * paths asked for. A "stalled" path sends its headers and part of its body, then holds the connection until the
 * site closes, as a host that stops mid-answer would.
 */
final class LocalImageSite implements AutoCloseable {

    private record Answer(int status, Map<String, String> headers, byte[] body, boolean chunked, boolean stall) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalImageSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(String path, int status, String contentType, byte[] body) {
        answers.put(
                path,
                new Answer(
                        status,
                        contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                        body,
                        false,
                        false));
    }

    void answerWithHeaders(String path, int status, Map<String, String> headers, byte[] body) {
        answers.put(path, new Answer(status, headers, body, false, false));
    }

    /** Answers without a Content-Length, so that only reading tells how long the body is. */
    void answerChunked(String path, String contentType, byte[] body) {
        answers.put(path, new Answer(200, Map.of("Content-Type", contentType), body, true, false));
    }

    /** Declares {@code body}'s length, sends its first half, and then nothing until the site closes. */
    void stallMidBody(String path, String contentType, byte[] body) {
        answers.put(path, new Answer(200, Map.of("Content-Type", contentType), body, false, true));
    }

    List<String> requested() {
        return List.copyOf(requested);
    }

    /** The Accept header of each request, in order. */
    List<String> accepts() {
        return List.copyOf(accepts);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requested.add(exchange.getRequestURI().getRawPath());
            accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            Answer answer = answers.getOrDefault(
                    exchange.getRequestURI().getRawPath(),
                    new Answer(
                            404,
                            Map.of("Content-Type", "text/html"),
                            "<html>Not found</html>".getBytes(),
                            false,
                            false));
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(
                    answer.status(), answer.chunked() ? 0 : answer.body().length == 0 ? -1 : answer.body().length);
            OutputStream out = exchange.getResponseBody();
            if (answer.stall()) {
                out.write(answer.body(), 0, answer.body().length / 2);
                out.flush();
                awaitClosing();
                return;
            }
            out.write(answer.body());
        } catch (IOException clientWentAway) {
            // The client may drop the connection on purpose (a body over the limit): nothing to answer then.
        }
    }

    private void awaitClosing() {
        try {
            closing.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
