package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.AwsReach;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.StorageConfiguration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * The refresh's two queues ({@code REFRESH_QUEUE_URL}, {@code REFRESH_BROWSER_QUEUE_URL}) and how SQS is reached
 * ({@code AWS_REGION}, {@code SQS_ENDPOINT} if set, the credentials): one region, endpoint and credentials serve
 * both queues, so one client does. Each URL is required only where its queue is used, so that the planner never
 * needs the browser's queue's.
 */
public record RefreshQueues(
        Optional<URI> refreshUrl,
        Optional<URI> browserUrl,
        String region,
        Optional<URI> endpoint,
        CredentialsSource credentials)
        implements AwsReach {

    public static final String QUEUE_URL = "REFRESH_QUEUE_URL";
    public static final String BROWSER_QUEUE_URL = "REFRESH_BROWSER_QUEUE_URL";

    public RefreshQueues {
        Objects.requireNonNull(refreshUrl, "refreshUrl");
        Objects.requireNonNull(browserUrl, "browserUrl");
        AwsReach.check(region, endpoint, credentials);
    }

    static RefreshQueues from(Environment environment) {
        Optional<URI> endpoint = StorageConfiguration.endpoint(environment, "SQS_ENDPOINT", "http://127.0.0.1:5000");
        return new RefreshQueues(
                url(environment, QUEUE_URL),
                url(environment, BROWSER_QUEUE_URL),
                environment.get("AWS_REGION").orElse(StorageConfiguration.DEFAULT_REGION),
                endpoint,
                StorageConfiguration.credentials(environment, endpoint.isPresent()));
    }

    /** The refresh queue's settings; the variable is required where the queue is used. */
    public SqsSettings refresh() {
        return settings(refreshUrl, QUEUE_URL);
    }

    /** The browser's queue's settings. */
    public SqsSettings browser() {
        return settings(browserUrl, BROWSER_QUEUE_URL);
    }

    private SqsSettings settings(Optional<URI> url, String variable) {
        URI queue = url.orElseThrow(() -> new InvalidConfigurationException(
                variable + " is required: the URL of the queue (template.yaml sets it)."));
        return new SqsSettings(queue, region, endpoint, credentials);
    }

    private static Optional<URI> url(Environment environment, String variable) {
        return environment.get(variable).map(value -> {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(value, "needs a scheme and a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationException(variable + " is not a queue's URL: " + e.getMessage());
            }
        });
    }
}
