package com.profilepictures.bootstrap.scrape.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) that the Lambda service offers a function's runtime, on a
 * free loopback port, for tests: the runtime interface client in the image asks it for the next
 * invocation, posts the function's response or error to it, or reports that initialisation failed.
 * Invocations are handed out one at a time in the order they were queued, as Lambda sends one event at a
 * time to a sandbox.
 *
 * <pre>{@code
 * try (LambdaRuntimeApi api = LambdaRuntimeApi.start()) {
 *     // run the image with AWS_LAMBDA_RUNTIME_API=api.address()
 *     api.awaitRuntimeReady(Duration.ofSeconds(60));
 *     LambdaRuntimeApi.Outcome outcome = api.invoke(eventJson, Duration.ofSeconds(26)).get(40, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    /** What became of an invocation, or of the runtime's initialisation. */
    public sealed interface Outcome permits Response, FunctionError, InitError {}

    /** The function returned: {@code body} is its serialised result (for API Gateway, the proxy response). */
    public record Response(String body) implements Outcome {}

    /** The function threw: the runtime posted the error with its type. */
    public record FunctionError(String errorType, String body) implements Outcome {}

    /** The runtime could not initialise (e.g. the handler class failed to load): no invocation ran. */
    public record InitError(String errorType, String body) implements Outcome {}

    public static final String FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:profile-pictures-ScrapeFunction";

    private static final String PREFIX = "/2018-06-01/runtime";
    private static final Pattern INVOCATION_POST = Pattern.compile(PREFIX + "/invocation/([^/]+)/(response|error)");
    private static final Duration POLL_STEP = Duration.ofMillis(200);

    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<Optional<InitError>> ready = new CompletableFuture<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean closed;

    private record Invocation(String requestId, String event, Duration timeout, CompletableFuture<Outcome> outcome) {}

    private LambdaRuntimeApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves on a free port of the loopback interface. */
    public static LambdaRuntimeApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "lambda-runtime-api");
                thread.setDaemon(true);
                return thread;
            });
            LambdaRuntimeApi api = new LambdaRuntimeApi(server, executor);
            server.createContext(PREFIX + "/", api::handle);
            server.setExecutor(executor);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Lambda Runtime API stub", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues an invocation with {@code event} as its payload; the runtime gets it on its next request, with
     * a deadline {@code timeout} after that (the function's Timeout). The future completes with the runtime's
     * answer, or with {@link InitError} if the runtime reports that it could not initialise.
     */
    public CompletableFuture<Outcome> invoke(String event, Duration timeout) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, timeout, new CompletableFuture<>());
        queued.add(invocation);
        ready.thenAccept(initError -> initError.ifPresent(invocation.outcome()::complete));
        return invocation.outcome();
    }

    /** {@link #invoke} and wait for the answer, at most {@code wait}. */
    public Outcome invokeAndWait(String event, Duration timeout, Duration wait) {
        try {
            return invoke(event, timeout).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The function did not answer within " + wait, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the runtime has initialised (its first request for an invocation) and returns empty, or
     * returns the error it reported instead; fails after {@code wait}.
     */
    public Optional<InitError> awaitRuntimeReady(Duration wait) {
        try {
            return ready.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "The runtime neither asked for an invocation nor reported an init error within " + wait, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many times the runtime has asked for an invocation. */
    public int polls() {
        return polls.get();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        IllegalStateException stopped =
                new IllegalStateException("The Runtime API stopped before the function answered.");
        queued.forEach(invocation -> invocation.outcome().completeExceptionally(stopped));
        handedOut.values().forEach(invocation -> invocation.outcome().completeExceptionally(stopped));
    }

    // --- the protocol ---------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher invocationPost = INVOCATION_POST.matcher(path);
            if (method.equals("GET") && path.equals(PREFIX + "/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && invocationPost.matches()) {
                answer(
                        exchange,
                        invocationPost.group(1),
                        invocationPost.group(2).equals("response"));
            } else if (method.equals("POST") && path.equals(PREFIX + "/init/error")) {
                InitError error = new InitError(errorType(exchange), read(exchange));
                ready.complete(Optional.of(error));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"" + method + " " + path + "\"}");
            }
        }
    }

    // The runtime blocks on this request until there is work, as it does on Lambda (a long poll).
    private void next(HttpExchange exchange) throws IOException {
        polls.incrementAndGet();
        ready.complete(Optional.empty());
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queued.poll(POLL_STEP.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return; // closing: the connection just drops, as when a sandbox is shut down
        }
        handedOut.put(invocation.requestId(), invocation);
        long deadline = System.currentTimeMillis() + invocation.timeout().toMillis();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id", traceId());
        send(exchange, 200, invocation.event());
    }

    private void answer(HttpExchange exchange, String requestId, boolean success) throws IOException {
        String body = read(exchange);
        Invocation invocation = handedOut.remove(requestId);
        if (invocation == null) {
            send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"Invalid request ID\"}");
            return;
        }
        invocation.outcome().complete(success ? new Response(body) : new FunctionError(errorType(exchange), body));
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String errorType(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"))
                .orElse("");
    }

    // X-Ray's format: Root=1-<8 hex digits of epoch seconds>-<24 hex digits>;Parent=<16 hex digits>;Sampled=0
    private static String traceId() {
        String random = UUID.randomUUID().toString().replace("-", "");
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + random.substring(0, 24)
                + ";Parent=" + random.substring(16, 32) + ";Sampled=0";
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
