package com.profilepictures.bootstrap;

import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads where pictures are stored ({@code TABLE_NAME}, {@code DYNAMODB_ENDPOINT}, {@code AWS_REGION}) into
 * the DynamoDB adapter's own settings record: the values pass straight through, so no second record.
 */
public final class StorageConfiguration {

    public static final String DEFAULT_TABLE_NAME = "profile-pictures";
    public static final String DEFAULT_REGION = "us-east-1";

    private StorageConfiguration() {}

    public static DynamoDbSettings from(Environment environment) {
        String tableName = environment.get("TABLE_NAME").orElse(DEFAULT_TABLE_NAME);
        String region = environment.get("AWS_REGION").orElse(DEFAULT_REGION);
        Optional<URI> endpoint = endpoint(environment, "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
        return new DynamoDbSettings(tableName, region, endpoint, credentials(environment, endpoint.isPresent()));
    }

    /*
     * Lambda hands a function its credentials in the environment, or, for SnapStart functions, through a
     * container credentials endpoint: reading them where they are skips the default chain's probing
     * (profile files, other sources), which costs cold-start time. A local server takes any
     * credentials, so a newcomer without an AWS account needs none.
     */
    public static CredentialsSource credentials(Environment environment, boolean localEndpoint) {
        if (environment.isSet("AWS_LAMBDA_FUNCTION_NAME")) {
            if (environment.isSet("AWS_ACCESS_KEY_ID")) {
                return CredentialsSource.ENVIRONMENT;
            }
            if (environment.isSet("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
                return CredentialsSource.CONTAINER;
            }
        }
        if (localEndpoint && !credentialsConfigured(environment)) {
            return CredentialsSource.DUMMY;
        }
        return CredentialsSource.DEFAULT_CHAIN;
    }

    private static boolean credentialsConfigured(Environment environment) {
        if (environment.isSet("AWS_ACCESS_KEY_ID")
                || environment.isSet("AWS_PROFILE")
                || environment.isSet("AWS_WEB_IDENTITY_TOKEN_FILE")
                || environment.isSet("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || environment.isSet("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return true;
        }
        Path home = Path.of(environment.get("HOME").orElse(System.getProperty("user.home", "")));
        Path credentialsFile = environment
                .get("AWS_SHARED_CREDENTIALS_FILE")
                .map(Path::of)
                .orElse(home.resolve(".aws").resolve("credentials"));
        return Files.isRegularFile(credentialsFile);
    }

    /** An endpoint override from {@code variable}, if set: a URL with a scheme and a host, or an error naming it. */
    public static Optional<URI> endpoint(Environment environment, String variable, String example) {
        return environment.get(variable).map(value -> {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(value, "needs a scheme and a host, e.g. " + example);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationException(variable + " is not a URL: " + e.getMessage());
            }
        });
    }
}
