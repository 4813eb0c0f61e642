package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.HistoryTable;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.s3.PictureBucket;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.bootstrap.ArchiveConfiguration;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.Lifecycle;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import com.profilepictures.moto.MotoServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code make run}: the API on localhost as the deployed API Gateway serves it. Each request becomes the
 * proxy event Lambda would receive and goes to the entry class that {@code template.yaml} names for its
 * route, and the errors API Gateway answers by itself are the template's gateway responses, so local and
 * deployed routing cannot drift. Without {@code DYNAMODB_ENDPOINT} it starts a
 * {@code moto_server} of its own, and it creates the tables (the pictures' with its stream, the history's)
 * and the archive's bucket where they are missing. Each DynamoDB stream event of the template is fed to
 * its function's entry class as Lambda's event source mapping would ({@link StreamPoller}).
 */
public final class LocalApi implements AutoCloseable {

    /** API Gateway's own limit on a request payload. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final GatewayErrors gatewayErrors;
    private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> entries =
            new ConcurrentHashMap<>();
    private final PrintStream log;
    private final List<AutoCloseable> streams = new CopyOnWriteArrayList<>();

    private LocalApi(
            HttpServer server,
            ExecutorService executor,
            RouteTable routes,
            GatewayErrors gatewayErrors,
            PrintStream log) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.gatewayErrors = gatewayErrors;
        this.log = log;
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (InvalidConfigurationException | IllegalStateException | IOException | UncheckedIOException e) {
            // A newcomer's mistake (a taken port, a bad variable, no moto_server) deserves one clear line.
            System.err.println("make run: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run() throws IOException {
        Environment environment = Environment.current();
        // Everything that can be wrong with the configuration is found before anything is started.
        int port = port(environment);
        String host = environment.get("HOST").orElse("127.0.0.1");
        Path template = environment.get("TEMPLATE").map(Path::of).orElseGet(LocalApi::findTemplate);
        List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        // The process's one shutdown hook, registered before the first start, so that a failure or Ctrl-C at
        // any later point stops whatever did start, last first: the server, the components the entry classes
        // built (browsers), moto (which would otherwise outlive us).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeInReverse(started), "local-api-shutdown"));
        // Before any entry class loads: they register what they build with us instead of hooks of their own.
        Lifecycle components = Lifecycle.process();
        components.takeCharge();
        if (!environment.isSet("DYNAMODB_ENDPOINT")) {
            MotoServer moto = MotoServer.start(Path.of(".local", "moto.log"));
            started.add(moto);
            // The functions read their configuration from the environment; a JVM cannot change its own,
            // so the local API passes the endpoint as a system property of the same name.
            System.setProperty("DYNAMODB_ENDPOINT", moto.endpoint().toString());
        }
        archiveDefaults(Environment.current());
        environment = Environment.current();
        started.add(components);
        DynamoDbSettings storage = StorageConfiguration.from(environment);
        S3Settings archive = createStorage(environment);
        LocalApi api = start(template, new InetSocketAddress(host, port), System.out);
        started.add(api);

        System.out.println("profile-pictures local API ready on " + api.baseUrl()
                + " (DynamoDB " + storage.endpoint().map(URI::toString).orElse("AWS " + storage.region())
                + ", table " + storage.tableName() + ", history "
                + environment.get("HISTORY_TABLE_NAME").orElseThrow()
                + ", bucket " + archive.bucket() + " on "
                + archive.endpoint().map(URI::toString).orElse("AWS")
                + ", X at " + environment.get("X_BASE_URL").orElse("https://x.com")
                + environment
                        .get("X_IMAGE_BASE_URL")
                        .map(images -> ", X's images at " + images)
                        .orElse("")
                + "). Ctrl-C stops it.");
    }

    /**
     * The archive's settings where the environment leaves them out, as system properties (the functions read
     * them as variables): the default bucket and history table, and S3 on the DynamoDB endpoint, since the
     * local moto serves both.
     */
    public static void archiveDefaults(Environment environment) {
        if (!environment.isSet("PICTURE_BUCKET")) {
            System.setProperty("PICTURE_BUCKET", ArchiveConfiguration.DEFAULT_BUCKET);
        }
        if (!environment.isSet("HISTORY_TABLE_NAME")) {
            System.setProperty("HISTORY_TABLE_NAME", ArchiveConfiguration.DEFAULT_HISTORY_TABLE_NAME);
        }
        if (!environment.isSet("S3_ENDPOINT")) {
            environment.get("DYNAMODB_ENDPOINT").ifPresent(endpoint -> System.setProperty("S3_ENDPOINT", endpoint));
        }
    }

    /**
     * Creates what the functions store into where it is missing: the pictures' table (with its stream), the
     * history's table and, on a local S3 ({@code S3_ENDPOINT}), the archive's bucket.
     */
    public static S3Settings createStorage(Environment environment) {
        DynamoDbSettings storage = StorageConfiguration.from(environment);
        PictureTable.createIfMissing(storage);
        HistoryTable.createIfMissing(storage, ArchiveConfiguration.historyTableName(environment));
        S3Settings archive = ArchiveConfiguration.s3(environment);
        if (archive.endpoint().isPresent()) {
            PictureBucket.createIfMissing(archive);
        }
        return archive;
    }

    private static int port(Environment environment) {
        String value = environment.get("PORT").orElse("3000");
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException("PORT is a port number from 0 (any free port) to 65535: " + value);
    }

    private static void closeInReverse(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("make run: could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
    }

    /** Serves the routes of {@code template} on {@code address}; port 0 picks a free one. */
    public static LocalApi start(Path template, InetSocketAddress address, PrintStream log) throws IOException {
        // The functions log through System.Logger; here, as under LocalContext's logger, to this log.
        JsonLoggerFinder.writeLocallyTo(log);
        SamTemplate sam = SamTemplate.load(template);
        List<SamTemplate.Route> templateRoutes = sam.routes();
        for (SamTemplate.Route route : templateRoutes) {
            // The local API calls RequestHandler.handleRequest; a Handler naming another method would run
            // differently here than on Lambda, so it is refused rather than silently ignored.
            if (!"handleRequest".equals(route.entryMethod())) {
                throw new IllegalStateException(route.functionId() + "'s handler names " + route.entryClass() + "::"
                        + route.entryMethod() + "; the local API serves only RequestHandler::handleRequest entries.");
            }
        }
        RouteTable routes = new RouteTable(templateRoutes);
        GatewayErrors gatewayErrors = GatewayErrors.from(sam.gatewayResponses());
        HttpServer server = HttpServer.create(address, 64);
        // Scrapes wait on a browser for seconds; a pool lets reads be served meanwhile.
        ExecutorService executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "local-api");
            thread.setDaemon(true);
            return thread;
        });
        LocalApi api = new LocalApi(server, executor, routes, gatewayErrors, log);
        server.createContext("/", api::serve);
        server.setExecutor(executor);
        server.start();
        try {
            api.startStreams(sam, Environment.current());
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        return api;
    }

    /** A poller per DynamoDB stream event of the template, on the table the functions know by the template's variable. */
    private void startStreams(SamTemplate sam, Environment environment) {
        List<SamTemplate.StreamEvent> events = sam.streamEvents();
        if (events.isEmpty()) {
            return;
        }
        DynamoDbSettings storage = StorageConfiguration.from(environment);
        DynamoDbStreamsClient client = streamsClient(storage);
        streams.add(client);
        for (SamTemplate.StreamEvent event : events) {
            if (!"handleRequest".equals(event.entryMethod())) {
                throw new IllegalStateException(event.functionId() + "'s handler names " + event.entryClass() + "::"
                        + event.entryMethod() + "; the local API calls only RequestHandler::handleRequest entries.");
            }
            String variable = sam.variableNaming(event.tableId())
                    .orElseThrow(() -> new IllegalStateException(event.functionId() + " reads the stream of "
                            + event.tableId() + ", whose name template.yaml passes to no function in a variable."));
            String tableName = "TABLE_NAME".equals(variable)
                    ? storage.tableName()
                    : environment
                            .get(variable)
                            .orElseThrow(() -> new InvalidConfigurationException(
                                    variable + " must name the table whose stream " + event.functionId() + " reads."));
            streams.add(StreamPoller.start(
                    client, tableName, event, streamFunction(event), log, StreamPoller.Timing.LAMBDA));
        }
    }

    private StreamPoller.Function streamFunction(SamTemplate.StreamEvent event) {
        var entry =
                new java.util.concurrent.atomic.AtomicReference<RequestHandler<DynamodbEvent, StreamsEventResponse>>();
        return (records, requestId) -> {
            // Loaded on the first batch, as Lambda starts a function on its first invocation.
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler =
                    entry.updateAndGet(loaded -> loaded != null ? loaded : streamEntry(event.entryClass()));
            return handler.handleRequest(records, new LocalContext(requestId, event.functionId(), log));
        };
    }

    private static RequestHandler<DynamodbEvent, StreamsEventResponse> streamEntry(String className) {
        try {
            @SuppressWarnings("unchecked")
            var handler = (RequestHandler<DynamodbEvent, StreamsEventResponse>)
                    Class.forName(className).getDeclaredConstructor().newInstance();
            return handler;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names " + className + ", which cannot be instantiated", e);
        }
    }

    static DynamoDbStreamsClient streamsClient(DynamoDbSettings storage) {
        return DynamoDbClients.createStreams(storage);
    }

    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        // The pollers first, the client they share last.
        for (int i = streams.size() - 1; i >= 0; i--) {
            try {
                streams.get(i).close();
            } catch (Exception e) {
                log.println("make run: could not stop " + streams.get(i) + ": " + e.getMessage());
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                response = entry(route.entryClass())
                        .handleRequest(event, new LocalContext(requestId, route.functionId(), log));
            } catch (RuntimeException | LinkageError e) {
                // What API Gateway answers when a function fails outright.
                log.println("{\"requestId\":\"" + requestId + "\",\"level\":\"ERROR\",\"message\":\"function "
                        + route.functionId() + " failed: " + e.getClass().getName() + "\"}");
                e.printStackTrace(log);
                response = gatewayErrors.respond(GatewayErrors.Cause.FUNCTION_FAILED, requestId);
            }
            send(exchange, response);
        }
    }

    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> entry(String className) {
        return entries.computeIfAbsent(className, name -> {
            try {
                @SuppressWarnings("unchecked")
                var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(name).getDeclaredConstructor().newInstance();
                return handler;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("template.yaml names " + name + ", which cannot be instantiated", e);
            }
        });
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

    /** The {@code template.yaml} in the working directory or the nearest folder above it. */
    static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No template.yaml here or above; run from the repository or set TEMPLATE.");
    }
}
