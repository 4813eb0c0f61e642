package com.profilepictures.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigurationTest {

    @TempDir
    Path home;

    private Environment environment(String... pairs) {
        return TestEnvironment.of(home, pairs);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var configuration = StorageConfiguration.from(environment());

        assertEquals("profile-pictures", configuration.tableName());
        assertEquals("us-east-1", configuration.region());
        assertEquals(Optional.empty(), configuration.endpoint());
    }

    @Test
    void givenALocalEndpointATableAndARegion_thenTheyAreRead() {
        var configuration = StorageConfiguration.from(environment(
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:5000", "TABLE_NAME", "pics", "AWS_REGION", "eu-west-1"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), configuration.endpoint());
        assertEquals("pics", configuration.tableName());
        assertEquals("eu-west-1", configuration.region());
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
