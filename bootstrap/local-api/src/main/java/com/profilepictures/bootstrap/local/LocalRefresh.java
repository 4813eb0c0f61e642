package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The refresh under {@code make run}, read from the template: every function with a {@code ScheduleV2} event
 * (the planner) run every {@code REFRESH_EVERY} (default {@code PT1M}, in place of the deployed schedule), and
 * every {@code AWS::Lambda::EventSourceMapping} on a queue fed by a {@link LocalQueues} poller with its batch
 * size and window. Nothing starts where the template's queues were not made locally.
 */
final class LocalRefresh implements AutoCloseable {

    static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(LocalRefresh.class.getName());

    private final List<AutoCloseable> started;

    private LocalRefresh(List<AutoCloseable> started) {
        this.started = started;
    }

    static LocalRefresh start(
            SamTemplate template, LocalInfrastructure infrastructure, FunctionLoader functions, PrintStream log) {
        List<AutoCloseable> started = new ArrayList<>();
        Environment environment = infrastructure.environment();
        Optional<String> endpoint = environment.get("SQS_ENDPOINT");
        if (endpoint.isEmpty()) {
            return new LocalRefresh(started);
        }
        LocalRefresh refresh = new LocalRefresh(started);
        try {
            SqsClient client = SqsClients.create(new SqsSettings(
                    URI.create(endpoint.get() + "/000000000000/unused"),
                    infrastructure.storage().region(),
                    Optional.of(URI.create(endpoint.get())),
                    CredentialsSource.DUMMY));
            started.add(client);
            template.resources("AWS::Lambda::EventSourceMapping").forEach((id, mapping) -> {
                Map<String, Object> properties = properties(mapping);
                String queueId =
                        String.valueOf(properties.get("EventSourceArn")).replace(".Arn", "");
                Optional<String> url = infrastructure.nameOf(queueId);
                if (url.isEmpty()) {
                    return;
                }
                String functionId = String.valueOf(properties.get("FunctionName"));
                String entryClass = entryOf(template, functionId);
                LocalQueues.Mapping settings = new LocalQueues.Mapping(
                        functionId,
                        url.get(),
                        number(properties.get("BatchSize"), environment, 10),
                        Duration.ofSeconds(number(properties.get("MaximumBatchingWindowInSeconds"), environment, 0)));
                started.add(LocalQueues.start(
                        client,
                        settings,
                        (SQSEvent event, String requestId) -> {
                            RequestHandler<SQSEvent, SQSBatchResponse> function =
                                    functions.function(functionId, entryClass);
                            return function.handleRequest(event, new LocalContext(requestId, functionId, log));
                        },
                        LOG));
            });
            Duration every = every(environment);
            template.resources("AWS::Serverless::Function").forEach((functionId, function) -> {
                boolean scheduled = properties(function).getOrDefault("Events", Map.of()) instanceof Map<?, ?> events
                        && events.values().stream()
                                .anyMatch(event -> event instanceof Map<?, ?> e && "ScheduleV2".equals(e.get("Type")));
                if (!scheduled) {
                    return;
                }
                String entryClass = entryOf(template, functionId);
                ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "schedule-" + functionId);
                    thread.setDaemon(true);
                    return thread;
                });
                started.add(schedule::shutdownNow);
                schedule.scheduleWithFixedDelay(
                        () -> {
                            try {
                                RequestHandler<Map<String, Object>, Object> planner =
                                        functions.function(functionId, entryClass);
                                planner.handleRequest(
                                        Map.of(),
                                        new LocalContext(UUID.randomUUID().toString(), functionId, log));
                            } catch (RuntimeException e) {
                                // Lambda counts the error and runs the schedule again; so do we.
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "{0}",
                                        Map.of("function", functionId, "error", String.valueOf(e.getMessage())));
                            }
                        },
                        every.toNanos(),
                        every.toNanos(),
                        TimeUnit.NANOSECONDS);
            });
        } catch (RuntimeException e) {
            refresh.close();
            throw e;
        }
        return refresh;
    }

    /** {@code REFRESH_EVERY}: how often the planner runs locally. */
    static Duration every(Environment environment) {
        return environment
                .get("REFRESH_EVERY")
                .map(value -> {
                    try {
                        Duration every = Duration.parse(value);
                        if (!every.isNegative() && !every.isZero()) {
                            return every;
                        }
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                    throw new InvalidConfigurationException(
                            "REFRESH_EVERY is a positive ISO-8601 duration, e.g. PT1M: " + value);
                })
                .orElse(DEFAULT_EVERY);
    }

    // A number, or !If [HasXApiToken, a, b] read as the local X_API_BEARER_TOKEN says.
    private static int number(Object value, Environment environment, int fallback) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof List<?> branches && branches.size() == 3 && "HasXApiToken".equals(branches.get(0))) {
            return number(branches.get(environment.isSet("X_API_BEARER_TOKEN") ? 1 : 2), environment, fallback);
        }
        return fallback;
    }

    private static String entryOf(SamTemplate template, String functionId) {
        Map<String, Object> properties =
                properties(template.resources("AWS::Serverless::Function").getOrDefault(functionId, Map.of()));
        Object handler = properties.get("Handler");
        if (handler == null
                && properties.get("ImageConfig") instanceof Map<?, ?> image
                && image.get("Command") instanceof List<?> command
                && !command.isEmpty()) {
            handler = command.get(0);
        }
        return String.valueOf(handler).split("::", 2)[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object resource) {
        return resource instanceof Map<?, ?> map
                ? (Map<String, Object>) ((Map<String, Object>) map).getOrDefault("Properties", Map.of())
                : Map.of();
    }

    /** The pollers and schedules first, the client last. */
    @Override
    public void close() {
        StartedParts.closeInReverse(started, LOG);
    }
}
