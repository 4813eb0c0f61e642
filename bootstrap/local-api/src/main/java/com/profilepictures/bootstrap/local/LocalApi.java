package com.profilepictures.bootstrap.local;

import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.Lifecycle;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code make run}: the API on localhost as the deployed stack serves it, every part read from
 * {@code template.yaml} so that local and deployed cannot drift: its resources ({@link LocalInfrastructure}:
 * moto, the tables, the bucket), its API ({@link LocalGateway}: routes to the entry classes, the gateway's own
 * responses), its stream events ({@link LocalStreams}), the refresh's schedule and queues ({@link LocalRefresh})
 * and its functions, each built with its own environment
 * ({@link FunctionLoader}).
 */
public final class LocalApi implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalApi.class.getName());

    private final LocalGateway gateway;
    private final LocalStreams streams;
    private final LocalRefresh refresh;
    private final Optional<LocalInfrastructure> owned;

    private LocalApi(
            LocalGateway gateway, LocalStreams streams, LocalRefresh refresh, Optional<LocalInfrastructure> owned) {
        this.gateway = gateway;
        this.streams = streams;
        this.refresh = refresh;
        this.owned = owned;
    }

    public static void main(String[] args) {
        try {
            run(LocalConfiguration.from(Environment.current()));
        } catch (InvalidConfigurationException | IllegalStateException | IOException | UncheckedIOException e) {
            // A newcomer's mistake (a taken port, a bad variable, no moto_server) deserves one clear line.
            System.err.println("make run: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LocalConfiguration configuration) throws IOException {
        SamTemplate template = SamTemplate.load(configuration.template());
        List<AutoCloseable> started = new CopyOnWriteArrayList<>();
        // The process's one shutdown hook, registered before the first start, so that a failure or Ctrl-C at
        // any later point stops whatever did start, last first: the server, the components the entry classes
        // built (browsers), moto (which would otherwise outlive us).
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> StartedParts.closeInReverse(started, LOG), "local-api-shutdown"));
        // Before any entry class loads: they register what they build with us instead of hooks of their own.
        Lifecycle components = Lifecycle.process();
        components.takeCharge();
        LocalInfrastructure infrastructure =
                LocalInfrastructure.start(template, configuration.environment(), Path.of(".local", "moto.log"));
        started.add(infrastructure);
        started.add(components);
        LocalApi api = start(template, configuration.address(), infrastructure, System.out);
        started.add(api);

        Environment environment = infrastructure.environment();
        DynamoDbSettings storage = infrastructure.storage();
        S3Settings archive = infrastructure.archive();
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
     * Serves {@code template}'s API on {@code address} (port 0: any free one) and feeds its streams, on
     * {@code infrastructure}, which stays the caller's; the functions log to {@code functionLog}.
     */
    public static LocalApi start(
            SamTemplate template,
            InetSocketAddress address,
            LocalInfrastructure infrastructure,
            PrintStream functionLog)
            throws IOException {
        return start(template, address, infrastructure, functionLog, Optional.empty());
    }

    /**
     * As {@link #start(SamTemplate, InetSocketAddress, LocalInfrastructure, PrintStream)}, on resources of its
     * own made from {@code environment} (a moto of its own unless it names {@code DYNAMODB_ENDPOINT}), which it
     * stops on {@link #close()}: for the tests and the bench.
     */
    public static LocalApi start(
            Path templateFile, InetSocketAddress address, Environment environment, PrintStream functionLog)
            throws IOException {
        SamTemplate template = SamTemplate.load(templateFile);
        LocalInfrastructure infrastructure = LocalInfrastructure.start(
                template, environment, Path.of("target", "local-api-moto.log").toAbsolutePath());
        try {
            return start(template, address, infrastructure, functionLog, Optional.of(infrastructure));
        } catch (IOException | RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private static LocalApi start(
            SamTemplate template,
            InetSocketAddress address,
            LocalInfrastructure infrastructure,
            PrintStream functionLog,
            Optional<LocalInfrastructure> owned)
            throws IOException {
        // The functions log through System.Logger; here, as under LocalContext's logger, to this log.
        JsonLoggerFinder.writeLocallyTo(functionLog);
        FunctionLoader functions = new FunctionLoader(template, infrastructure);
        LocalGateway gateway = LocalGateway.start(template, address, functions, functionLog);
        try {
            LocalStreams streams = LocalStreams.start(template, infrastructure, functions, functionLog);
            try {
                LocalRefresh refresh = LocalRefresh.start(template, infrastructure, functions, functionLog);
                return new LocalApi(gateway, streams, refresh, owned);
            } catch (RuntimeException e) {
                streams.close();
                throw e;
            }
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    public URI baseUrl() {
        return gateway.baseUrl();
    }

    /** Stops serving, then the streams and the refresh, then the resources it made itself, if any. */
    @Override
    public void close() {
        gateway.close();
        streams.close();
        refresh.close();
        owned.ifPresent(LocalInfrastructure::close);
    }

    @Override
    public String toString() {
        return "the local API";
    }
}
