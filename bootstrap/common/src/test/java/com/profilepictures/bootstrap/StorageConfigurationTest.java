package com.profilepictures.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigurationTest {

    @TempDir
    Path home;

    private Environment environment(String... pairs) {
        Map<String, String> variables = new HashMap<>(Map.of("HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return new Environment(variables);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var configuration = StorageConfiguration.from(environment());

        assertEquals("profile-pictures", configuration.tableName());
        assertEquals("us-east-1", configuration.region());
        assertEquals(Optional.empty(), configuration.endpoint());
        assertEquals(CredentialsSource.DEFAULT_CHAIN, configuration.credentials());
    }

    @Test
    void aLocalEndpointWithoutCredentialsUsesDummyOnes() {
        var configuration = StorageConfiguration.from(environment(
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:5000", "TABLE_NAME", "pics", "AWS_REGION", "eu-west-1"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), configuration.endpoint());
        assertEquals(CredentialsSource.DUMMY, configuration.credentials());
        assertEquals("pics", configuration.tableName());
        assertEquals("eu-west-1", configuration.region());
    }

    @Test
    void aLocalEndpointWithConfiguredCredentialsUsesThem() {
        assertEquals(
                CredentialsSource.DEFAULT_CHAIN,
                StorageConfiguration.from(environment(
                                "DYNAMODB_ENDPOINT",
                                "http://127.0.0.1:5000",
                                "AWS_ACCESS_KEY_ID",
                                "AKIA",
                                "AWS_SECRET_ACCESS_KEY",
                                "s"))
                        .credentials());
        assertEquals(
                CredentialsSource.DEFAULT_CHAIN,
                StorageConfiguration.from(
                                environment("DYNAMODB_ENDPOINT", "http://127.0.0.1:5000", "AWS_PROFILE", "dev"))
                        .credentials());
    }

    @Test
    void onLambdaCredentialsAreReadFromTheEnvironmentWithoutProbing() {
        var configuration = StorageConfiguration.from(environment(
                "AWS_LAMBDA_FUNCTION_NAME",
                "get",
                "AWS_ACCESS_KEY_ID",
                "ASIA",
                "AWS_SECRET_ACCESS_KEY",
                "s",
                "AWS_SESSION_TOKEN",
                "t"));

        assertEquals(CredentialsSource.ENVIRONMENT, configuration.credentials());
    }

    @Test
    void onSnapStartLambdaCredentialsComeFromTheContainerEndpointWithoutProbing() {
        var configuration = StorageConfiguration.from(environment(
                "AWS_LAMBDA_FUNCTION_NAME",
                "get",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertEquals(CredentialsSource.CONTAINER, configuration.credentials());
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertEquals(
                "profile-pictures",
                StorageConfiguration.from(environment("TABLE_NAME", "  ")).tableName());
    }

    @Test
    void aMalformedEndpointIsRejectedByName() {
        var error = assertThrows(
                InvalidConfigurationException.class,
                () -> StorageConfiguration.from(environment("DYNAMODB_ENDPOINT", "localhost")));

        assertEquals(true, error.getMessage().startsWith("DYNAMODB_ENDPOINT"), error.getMessage());
    }
}
