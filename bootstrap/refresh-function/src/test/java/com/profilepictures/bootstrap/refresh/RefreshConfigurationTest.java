package com.profilepictures.bootstrap.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshConfigurationTest {

    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/refresh";

    @Test
    void givenNothingSet_from_readsTheDefaults() {
        RefreshConfiguration configuration = RefreshConfiguration.from(new Environment(Map.of()));

        assertEquals(Duration.ofDays(1), configuration.refreshAfter());
        assertEquals(60, configuration.requestsPerMinute());
        assertEquals(4, configuration.environments(), "two workers and two browsers at most");
        assertEquals(15, configuration.requestsPerMinuteHere());
        assertEquals(Duration.ofHours(6), configuration.queuedFor());
    }

    @Test
    void givenTheTemplatesVariables_from_readsThemAndTheShareOfTheCeiling() {
        RefreshConfiguration configuration = RefreshConfiguration.from(new Environment(Map.of(
                "REFRESH_AFTER", "PT2S",
                "REFRESH_QUEUE_URL", QUEUE,
                "REFRESH_X_REQUESTS_PER_MINUTE", "300",
                "REFRESH_WORKER_CONCURRENCY", "8",
                "REFRESH_BROWSER_CONCURRENCY", "2",
                "SQS_ENDPOINT", "http://127.0.0.1:5000")));

        assertEquals(Duration.ofSeconds(2), configuration.refreshAfter());
        assertEquals(URI.create(QUEUE), configuration.queue().queueUrl());
        assertEquals(
                URI.create("http://127.0.0.1:5000"),
                configuration.queue().endpoint().orElseThrow());
        assertEquals(30, configuration.requestsPerMinuteHere(), "300 a minute over 10 environments");
    }

    @Test
    void givenMoreEnvironmentsThanRequests_eachIsStillAllowedOneAMinute() {
        RefreshConfiguration configuration = RefreshConfiguration.from(
                new Environment(Map.of("REFRESH_X_REQUESTS_PER_MINUTE", "1", "REFRESH_WORKER_CONCURRENCY", "5")));

        assertEquals(1, configuration.requestsPerMinuteHere());
    }

    @Test
    void givenNoQueueUrl_aQueue_isRefusedNamingTheVariable() {
        RefreshConfiguration configuration = RefreshConfiguration.from(new Environment(Map.of()));

        InvalidConfigurationException thrown =
                assertThrows(InvalidConfigurationException.class, configuration::browserQueue);
        assertTrue(thrown.getMessage().startsWith("REFRESH_BROWSER_QUEUE_URL"), thrown.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "REFRESH_AFTER, 1 day",
        "REFRESH_AFTER, -P1D",
        "REFRESH_X_REQUESTS_PER_MINUTE, 0",
        "REFRESH_WORKER_CONCURRENCY, two",
        "REFRESH_QUEUE_URL, not a url",
        "REFRESH_MAX_ATTEMPTS, 1000"
    })
    void givenAnUnusableValue_from_refusesItNamingTheVariable(String variable, String value) {
        InvalidConfigurationException thrown = assertThrows(
                InvalidConfigurationException.class,
                () -> RefreshConfiguration.from(new Environment(Map.of(variable, value))));

        assertTrue(thrown.getMessage().startsWith(variable), thrown.getMessage());
    }
}
