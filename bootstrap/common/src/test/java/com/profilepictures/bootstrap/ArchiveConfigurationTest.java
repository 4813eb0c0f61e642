package com.profilepictures.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveConfigurationTest {

    @TempDir
    Path home;

    private Environment environment(String... pairs) {
        return TestEnvironment.of(home, pairs);
    }

    @Test
    void givenNothingSet_thenTheDocumentedDefaultsAndAwsItself() {
        var s3 = ArchiveConfiguration.s3(environment());

        assertEquals("profile-pictures", s3.bucket());
        assertEquals("us-east-1", s3.region());
        assertEquals(Optional.empty(), s3.endpoint());
        assertEquals("profile-picture-history", ArchiveConfiguration.historyTableName(environment()));
        assertEquals(
                Optional.empty(),
                ArchiveConfiguration.pictureHost(environment()).baseUrl());
    }

    @Test
    void givenALocalS3EndpointABucketAndARegion_thenTheyAreRead() {
        var s3 = ArchiveConfiguration.s3(environment(
                "S3_ENDPOINT", "http://127.0.0.1:5000", "PICTURE_BUCKET", "pics-local", "AWS_REGION", "eu-west-1"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), s3.endpoint());
        assertEquals("pics-local", s3.bucket());
        assertEquals("eu-west-1", s3.region());
    }

    @Test
    void givenTheSettings_thenTheyPassThrough() {
        assertEquals(
                "history-42", ArchiveConfiguration.historyTableName(environment("HISTORY_TABLE_NAME", "history-42")));
        assertEquals(
                Optional.of(URI.create("http://127.0.0.1:8081/images")),
                ArchiveConfiguration.pictureHost(environment("X_IMAGE_BASE_URL", "http://127.0.0.1:8081/images/"))
                        .baseUrl());
    }

    @Test
    void givenBlankValues_thenTheyCountAsUnset() {
        assertEquals(
                "profile-pictures",
                ArchiveConfiguration.s3(environment("PICTURE_BUCKET", " ")).bucket());
        assertEquals(
                Optional.empty(),
                ArchiveConfiguration.s3(environment("S3_ENDPOINT", "")).endpoint());
        assertEquals(
                Optional.empty(),
                ArchiveConfiguration.pictureHost(environment("X_IMAGE_BASE_URL", " "))
                        .baseUrl());
    }

    @Test
    void givenUnusableValues_thenStartingFailsNamingTheVariable() {
        Map<String, Runnable> readings = Map.of(
                "S3_ENDPOINT", () -> ArchiveConfiguration.s3(environment("S3_ENDPOINT", "localhost:5000")),
                "PICTURE_BUCKET", () -> ArchiveConfiguration.s3(environment("PICTURE_BUCKET", "Pictures_Bucket")),
                "HISTORY_TABLE_NAME",
                        () -> ArchiveConfiguration.historyTableName(environment("HISTORY_TABLE_NAME", "a b")),
                "X_IMAGE_BASE_URL",
                        () -> ArchiveConfiguration.pictureHost(
                                environment("X_IMAGE_BASE_URL", "ftp://images.example")));

        readings.forEach((variable, reading) -> {
            var error = assertThrows(InvalidConfigurationException.class, reading::run, variable);
            assertTrue(error.getMessage().startsWith(variable), error.getMessage());
        });
        var malformed = assertThrows(
                InvalidConfigurationException.class,
                () -> ArchiveConfiguration.pictureHost(environment("X_IMAGE_BASE_URL", "http://images example")));
        assertTrue(malformed.getMessage().startsWith("X_IMAGE_BASE_URL"), malformed.getMessage());
    }
}
