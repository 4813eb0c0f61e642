package com.profilepictures.bootstrap.local;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.s3.PictureBucket;
import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.bootstrap.ArchiveConfiguration;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.moto.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the deployed stack's resources are under {@code make run}: a {@code moto_server} of its own unless
 * {@code DYNAMODB_ENDPOINT} names a DynamoDB (S3 on the same endpoint unless {@code S3_ENDPOINT} names one),
 * and every table and bucket of the template created there from the template's own resource, under the name
 * the variable that hands it to the functions has in the environment ({@code TABLE_NAME},
 * {@code HISTORY_TABLE_NAME}, {@code PICTURE_BUCKET}), or the functions' default for it. Closing it stops
 * the moto it started.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String BUCKET = "AWS::S3::Bucket";
    /** Local only: every queue's visibility timeout in place of the template's (TemplateQueues). */
    private static final String VISIBILITY = "QUEUE_VISIBILITY_TIMEOUT";
    // The name each variable defaults to in the functions' own configuration.
    private static final Map<String, String> DEFAULT_NAMES = Map.of(
            "TABLE_NAME", StorageConfiguration.DEFAULT_TABLE_NAME,
            "HISTORY_TABLE_NAME", ArchiveConfiguration.DEFAULT_HISTORY_TABLE_NAME,
            "PICTURE_BUCKET", ArchiveConfiguration.DEFAULT_BUCKET);

    private final Optional<MotoServer> moto;
    private final Environment environment;
    private final Map<String, String> names;

    private LocalInfrastructure(Optional<MotoServer> moto, Environment environment, Map<String, String> names) {
        this.moto = moto;
        this.environment = environment;
        this.names = Map.copyOf(names);
    }

    /**
     * Starts moto unless {@code environment} names a DynamoDB, and creates the template's tables and buckets
     * where they are missing; moto writes its log to {@code motoLog}.
     */
    public static LocalInfrastructure start(SamTemplate template, Environment environment, Path motoLog) {
        Map<String, String> names = names(template, environment);
        Optional<MotoServer> moto = Optional.empty();
        Map<String, String> local = new LinkedHashMap<>();
        if (!environment.isSet("DYNAMODB_ENDPOINT")) {
            moto = Optional.of(MotoServer.start(motoLog));
            local.put("DYNAMODB_ENDPOINT", moto.get().endpoint().toString());
        }
        try {
            Environment started = environment.with(local);
            if (!started.isSet("S3_ENDPOINT")) {
                // The local moto serves S3 too.
                local.put("S3_ENDPOINT", started.get("DYNAMODB_ENDPOINT").orElseThrow());
            }
            names.forEach((id, name) -> template.variableNaming(id).ifPresent(variable -> local.put(variable, name)));
            LocalInfrastructure infrastructure = new LocalInfrastructure(moto, environment.with(local), names);
            infrastructure.create(template);
            // The refresh's queues, on our own moto (or SQS_ENDPOINT's server), named to the functions by URL.
            Optional<String> ownMoto = moto.map(server -> server.endpoint().toString());
            Optional<String> sqs = environment.get("SQS_ENDPOINT").or(() -> ownMoto);
            if (sqs.isEmpty()) {
                return infrastructure;
            }
            Optional<Duration> visibility = environment.isSet(VISIBILITY)
                    ? Optional.of(environment.positiveDuration(VISIBILITY, Duration.ofSeconds(30), "PT2S"))
                    : Optional.empty();
            Map<String, String> queues = TemplateQueues.create(
                    template, URI.create(sqs.get()), infrastructure.storage().region(), visibility);
            if (queues.isEmpty()) {
                return infrastructure;
            }
            local.put("SQS_ENDPOINT", sqs.get());
            queues.forEach((id, url) -> template.variableNaming(id).ifPresent(variable -> local.put(variable, url)));
            Map<String, String> all = new LinkedHashMap<>(names);
            all.putAll(queues);
            return new LocalInfrastructure(moto, environment.with(local), all);
        } catch (RuntimeException e) {
            moto.ifPresent(MotoServer::close);
            throw e;
        }
    }

    /** The process's environment with the local endpoints and every resource's local name set. */
    public Environment environment() {
        return environment;
    }

    /** The local name of the template's table or bucket {@code logicalId} (a queue's: its URL), if it is one. */
    public Optional<String> nameOf(String logicalId) {
        return Optional.ofNullable(names.get(logicalId));
    }

    public DynamoDbSettings storage() {
        return StorageConfiguration.from(environment);
    }

    public S3Settings archive() {
        return ArchiveConfiguration.s3(environment);
    }

    @Override
    public void close() {
        moto.ifPresent(MotoServer::close);
    }

    @Override
    public String toString() {
        return moto.map(MotoServer::toString).orElse("the local resources");
    }

    private static Map<String, String> names(SamTemplate template, Environment environment) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String type : new String[] {TABLE, BUCKET}) {
            for (String id : template.resources(type).keySet()) {
                String variable = template.variableNaming(id)
                        .orElseThrow(() -> new IllegalStateException(
                                "template.yaml passes the name of " + id + " to no function in a variable."));
                String name = environment
                        .get(variable)
                        .or(() -> Optional.ofNullable(DEFAULT_NAMES.get(variable)))
                        .orElseThrow(() -> new InvalidConfigurationException(
                                variable + " must name the local " + id + " (template.yaml's " + type + ")."));
                names.put(id, name);
            }
        }
        return names;
    }

    private void create(SamTemplate template) {
        // Every setting checked as the functions check it, before anything is created.
        ArchiveConfiguration.historyTableName(environment);
        ArchiveConfiguration.s3(environment);
        try (DynamoDbClient client = DynamoDbClients.create(storage())) {
            template.resources(TABLE)
                    .forEach((id, resource) ->
                            TemplateTables.createIfMissing(client, names.get(id), properties(resource)));
        }
        S3Settings archive = archive();
        if (archive.endpoint().isEmpty() || template.resources(BUCKET).isEmpty()) {
            return; // a real S3's buckets are the deployed stack's
        }
        // A local bucket without the deployed one's access block, ownership and encryption, which moto ignores.
        try (S3Client client = S3Clients.create(archive)) {
            template.resources(BUCKET).keySet().forEach(id -> PictureBucket.createIfMissing(client, names.get(id)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }
}
