package com.profilepictures.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.awsclients.CredentialsSource;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where credentials come from, one rule ({@link StorageConfiguration#credentials}) for every AWS service a
 * function reaches: checked through each reader of the environment, with that service's own endpoint variable.
 */
class CredentialsChoiceTest {

    @TempDir
    Path home;

    /** A service's reader of the environment: the variable naming its local endpoint, and the credentials chosen. */
    record Reader(String service, String endpoint, Function<Environment, CredentialsSource> credentials) {
        CredentialsSource apply(Environment environment) {
            return credentials.apply(environment);
        }

        @Override
        public String toString() {
            return service;
        }
    }

    static Stream<Reader> readers() {
        return Stream.of(
                new Reader(
                        "DynamoDB",
                        "DYNAMODB_ENDPOINT",
                        environment -> StorageConfiguration.from(environment).credentials()),
                new Reader(
                        "S3",
                        "S3_ENDPOINT",
                        environment -> ArchiveConfiguration.s3(environment).credentials()));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void givenNothingSet_thenTheDefaultChain(Reader reader) {
        assertEquals(CredentialsSource.DEFAULT_CHAIN, reader.apply(TestEnvironment.of(home)));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void givenALocalEndpointAndNoCredentials_thenDummyOnes(Reader reader) {
        assertEquals(
                CredentialsSource.DUMMY,
                reader.apply(TestEnvironment.of(home, reader.endpoint(), "http://127.0.0.1:5000")));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void givenALocalEndpointAndConfiguredCredentials_thenTheyAreUsed(Reader reader) {
        assertEquals(
                CredentialsSource.DEFAULT_CHAIN,
                reader.apply(TestEnvironment.of(
                        home,
                        reader.endpoint(),
                        "http://127.0.0.1:5000",
                        "AWS_ACCESS_KEY_ID",
                        "AKIA",
                        "AWS_SECRET_ACCESS_KEY",
                        "s")));
        assertEquals(
                CredentialsSource.DEFAULT_CHAIN,
                reader.apply(
                        TestEnvironment.of(home, reader.endpoint(), "http://127.0.0.1:5000", "AWS_PROFILE", "dev")));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void givenLambda_thenCredentialsAreReadWhereLambdaPutsThemWithoutProbing(Reader reader) {
        assertEquals(
                CredentialsSource.ENVIRONMENT,
                reader.apply(TestEnvironment.of(
                        home,
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "get",
                        "AWS_ACCESS_KEY_ID",
                        "ASIA",
                        "AWS_SECRET_ACCESS_KEY",
                        "s",
                        "AWS_SESSION_TOKEN",
                        "t")));
        // SnapStart functions are given theirs through the container credentials endpoint.
        assertEquals(
                CredentialsSource.CONTAINER,
                reader.apply(TestEnvironment.of(
                        home,
                        "AWS_LAMBDA_FUNCTION_NAME",
                        "get",
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                        "http://127.0.0.1:9001/2021-04-23/credentials")));
    }
}
