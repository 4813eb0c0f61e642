package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The archive's sweep on the planner's pass, read once from the environment: how long after its scrape a picture
 * must be archived before the sweep sends it again ({@code ARCHIVE_GRACE}, ISO-8601, default {@code PT15M}), and
 * the queue it is sent to ({@code ARCHIVE_QUEUE_URL}, on the refresh's {@code SQS_ENDPOINT}; template.yaml sets
 * it). Without that queue the planner does not sweep.
 */
public record SweepConfiguration(Duration grace, Optional<SqsSettings> queue) {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final String QUEUE_URL = "ARCHIVE_QUEUE_URL";

    public SweepConfiguration {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(queue, "queue");
    }

    /** {@code refresh} gives the region, endpoint and credentials every queue of the refresh shares. */
    public static SweepConfiguration from(Environment environment, RefreshConfiguration refresh) {
        Duration grace = environment.positiveDuration("ARCHIVE_GRACE", DEFAULT_GRACE, "PT15M or PT1H");
        Optional<SqsSettings> queue = environment.get(QUEUE_URL).map(value -> {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(value, "needs a scheme and a host");
                }
                RefreshQueues reach = refresh.queues();
                return new SqsSettings(uri, reach.region(), reach.endpoint(), reach.credentials());
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationException(QUEUE_URL + " is not a queue's URL: " + e.getMessage());
            }
        });
        return new SweepConfiguration(grace, queue);
    }
}
