package com.profilepictures.bootstrap.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepConfigurationTest {

    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/archive";

    private static SweepConfiguration from(Map<String, String> variables) {
        Environment environment = new Environment(variables);
        return SweepConfiguration.from(environment, RefreshConfiguration.from(environment));
    }

    @Test
    void givenNothingSet_theGraceIsFifteenMinutes_andThePlannerDoesNotSweep() {
        SweepConfiguration configuration = from(Map.of());

        assertEquals(Duration.ofMinutes(15), configuration.grace());
        assertEquals(Optional.empty(), configuration.queue());
    }

    @Test
    void givenTheTemplatesVariables_theQueueIsOnTheRefreshsEndpoint() {
        SweepConfiguration configuration = from(
                Map.of("ARCHIVE_GRACE", "PT5S", "ARCHIVE_QUEUE_URL", QUEUE, "SQS_ENDPOINT", "http://127.0.0.1:5000"));

        assertEquals(Duration.ofSeconds(5), configuration.grace());
        assertEquals(URI.create(QUEUE), configuration.queue().orElseThrow().queueUrl());
        assertEquals(
                URI.create("http://127.0.0.1:5000"),
                configuration.queue().orElseThrow().endpoint().orElseThrow());
    }

    @Test
    void givenABadGraceOrQueue_fromSaysWhichVariable() {
        var grace = assertThrows(InvalidConfigurationException.class, () -> from(Map.of("ARCHIVE_GRACE", "15m")));
        var zero = assertThrows(InvalidConfigurationException.class, () -> from(Map.of("ARCHIVE_GRACE", "PT0S")));
        var queue = assertThrows(
                InvalidConfigurationException.class, () -> from(Map.of("ARCHIVE_QUEUE_URL", "archive-queue")));

        assertTrue(grace.getMessage().contains("ARCHIVE_GRACE"), grace.getMessage());
        assertTrue(zero.getMessage().contains("ARCHIVE_GRACE"), zero.getMessage());
        assertTrue(queue.getMessage().contains("ARCHIVE_QUEUE_URL"), queue.getMessage());
    }
}
