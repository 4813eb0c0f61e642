package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The API Gateway of {@code make run}: the JDK's HTTP server turning each request into the proxy event Lambda
 * would receive, for the entry class {@code template.yaml} names for its route, and answering by itself, with
 * the template's gateway responses, what API Gateway answers by itself (no route, too large, a function that
 * failed), and a CORS preflight ({@code OPTIONS}) of a route's path.
 */
final class LocalGateway implements AutoCloseable {

    /** API Gateway's own limit on a request payload. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final GatewayErrors gatewayErrors;
    private final FunctionLoader functions;
    private final PrintStream functionLog;

    private LocalGateway(
            HttpServer server,
            ExecutorService executor,
            RouteTable routes,
            GatewayErrors gatewayErrors,
            FunctionLoader functions,
            PrintStream functionLog) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.gatewayErrors = gatewayErrors;
        this.functions = functions;
        this.functionLog = functionLog;
    }

    /** Serves {@code template}'s routes on {@code address} (port 0: any free one); the functions log to {@code functionLog}. */
    static LocalGateway start(
            SamTemplate template, InetSocketAddress address, FunctionLoader functions, PrintStream functionLog)
            throws IOException {
        List<SamTemplate.Route> templateRoutes = template.routes();
        for (SamTemplate.Route route : templateRoutes) {
            // The local API calls RequestHandler.handleRequest; a Handler naming another method would run
            // differently here than on Lambda, so it is refused rather than silently ignored.
            if (!"handleRequest".equals(route.entryMethod())) {
                throw new IllegalStateException(route.functionId() + "'s handler names " + route.entryClass() + "::"
                        + route.entryMethod() + "; the local API serves only RequestHandler::handleRequest entries.");
            }
        }
        RouteTable routes = new RouteTable(templateRoutes);
        GatewayErrors gatewayErrors = GatewayErrors.from(template.gatewayResponses());
        HttpServer server = HttpServer.create(address, 64);
        // Scrapes wait on a browser for seconds; a pool lets reads be served meanwhile.
        ExecutorService executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "local-api");
            thread.setDaemon(true);
            return thread;
        });
        LocalGateway gateway = new LocalGateway(server, executor, routes, gatewayErrors, functions, functionLog);
        server.createContext("/", gateway::serve);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    /** Stops accepting requests at once; the ones in hand get a bounded time to end. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "the local API's HTTP server";
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, gatewayErrors.respond(GatewayErrors.Cause.REQUEST_TOO_LARGE, requestId));
                return;
            }
            Optional<RouteTable.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                if ("OPTIONS".equals(method) && routes.hasPath(rawPath)) {
                    send(exchange, preflight(requestId));
                } else {
                    send(exchange, gatewayErrors.respond(GatewayErrors.Cause.NO_ROUTE, requestId));
                }
                return;
            }
            var request = new LocalRequest(
                    method,
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers(exchange),
                    body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            SamTemplate.Route route = match.get().route();
            APIGatewayProxyRequestEvent event = ProxyEvents.event(request, match.get(), requestId);
            APIGatewayProxyResponseEvent response;
            try {
                RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function =
                        functions.function(route.functionId(), route.entryClass());
                response = function.handleRequest(event, new LocalContext(requestId, route.functionId(), functionLog));
            } catch (RuntimeException | LinkageError e) {
                // What API Gateway answers when a function fails outright.
                LOG.log(Level.ERROR, "function " + route.functionId() + " failed (request " + requestId + ")", e);
                response = gatewayErrors.respond(GatewayErrors.Cause.FUNCTION_FAILED, requestId);
            }
            send(exchange, response);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        return headers;
    }

    private static void send(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        var out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> out.add(name, value)));
        }
        String body = response.getBody();
        byte[] bytes = body == null
                ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded())
                        ? Base64.getDecoder().decode(body)
                        : body.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == null ? 502 : response.getStatusCode();
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(bytes);
            }
        }
    }

    private static APIGatewayProxyResponseEvent preflight(String requestId) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(204)
                .withHeaders(Map.of(
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "GET,POST,OPTIONS",
                        "Access-Control-Allow-Headers",
                        "Content-Type",
                        "X-Request-Id",
                        requestId));
    }
}
