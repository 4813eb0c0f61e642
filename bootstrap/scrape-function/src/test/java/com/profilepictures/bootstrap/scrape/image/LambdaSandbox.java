package com.profilepictures.bootstrap.scrape.image;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The scrape image run the way Lambda runs a container image: its own ENTRYPOINT and CMD, as a user and
 * group that are not in the image's /etc/passwd (Lambda's sandbox user is such a least-privileged uid), a
 * read-only root filesystem with only /tmp writable (512 MB, Lambda's default ephemeral storage), and the
 * environment Lambda gives a function: the template's variables, the Runtime API's address, the region,
 * credentials and the function's name, memory and log settings (the format, and under JSON the application's
 * level). No telemetry descriptor: Lambda gives a container image none, so the runtime client writes its lines
 * to standard output, as here. The host's network stands in for the sandbox's: the function reaches the Runtime
 * API, DynamoDB and X's pages at the addresses given.
 */
public final class LambdaSandbox {

    /** An unprivileged uid:gid the image does not know, like Lambda's sandbox user. */
    public static final String USER = "993:990";
    /** Labels every container of one make test or make bench run, so that the run's script removes leftovers. */
    public static final String RUN_LABEL = "profile-pictures.run";

    private LambdaSandbox() {}

    /**
     * A container of {@code image} as Lambda would start it for the function {@code template} describes,
     * with {@code deployTimeValues} for what the template computes at deploy time (see
     * {@link ScrapeFunctionTemplate#environment}) and endpoints such as DYNAMODB_ENDPOINT in {@code extra}.
     */
    public static GenericContainer<?> of(
            String image,
            ScrapeFunctionTemplate template,
            LambdaRuntimeApi runtimeApi,
            Map<String, String> deployTimeValues,
            Map<String, String> extra) {
        Map<String, String> environment = new TreeMap<>(template.environment(deployTimeValues));
        environment.putAll(Map.of(
                "AWS_LAMBDA_RUNTIME_API", runtimeApi.address(),
                "AWS_LAMBDA_FUNCTION_NAME", "profile-pictures-ScrapeFunction",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(template.memorySizeMegabytes()),
                "AWS_LAMBDA_LOG_FORMAT", template.logFormat().toUpperCase(Locale.ROOT),
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/profile-pictures-ScrapeFunction",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
                "AWS_REGION", "us-east-1",
                "AWS_DEFAULT_REGION", "us-east-1"));
        environment.putAll(Map.of(
                "AWS_ACCESS_KEY_ID", "sandbox",
                "AWS_SECRET_ACCESS_KEY", "sandbox",
                "AWS_SESSION_TOKEN", "sandbox",
                "TZ", ":UTC"));
        if (template.logFormat().equalsIgnoreCase("JSON")) {
            template.applicationLogLevel().ifPresent(level -> environment.put("AWS_LAMBDA_LOG_LEVEL", level));
        }
        environment.putAll(extra);
        return new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withEnv(environment)
                .withLabel(RUN_LABEL, System.getenv().getOrDefault("PROFILE_PICTURES_RUN", "manual"))
                // exec: the runtime client loads its native library from /tmp, as it may on Lambda.
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,nodev,size=512m,mode=1777"))
                .withCreateContainerCmdModifier(create -> {
                    create.withUser(USER);
                    create.getHostConfig().withReadonlyRootfs(true);
                })
                // Started is enough here: readiness is the runtime's first request to the Runtime API.
                .withStartupTimeout(Duration.ofSeconds(60));
    }
}
