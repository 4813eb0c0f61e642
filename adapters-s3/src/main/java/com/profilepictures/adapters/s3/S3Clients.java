package com.profilepictures.adapters.s3;

import com.profilepictures.awsclients.ClientTimeouts;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the S3 client and presigner a process uses. A call that gets no answer gives up within about
 * {@link #API_CALL_TIMEOUT}, so that a sick S3 fails the stream record (to be retried) instead of holding
 * the archive function until its own timeout. With an endpoint override (a local server) addressing is
 * path-style, since such servers do not resolve a bucket's own host name.
 */
public final class S3Clients {

    // A picture is at most 2 MiB: a healthy S3 takes it in well under a second.
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest one call may take, retries and backoff included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(12);

    static final int MAX_ATTEMPTS = 3;
    private static final ClientTimeouts TIMEOUTS = new ClientTimeouts(
            CONNECT_TIMEOUT, SOCKET_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT, API_CALL_TIMEOUT, MAX_ATTEMPTS);

    private S3Clients() {}

    public static S3Client create(S3Settings settings) {
        return TIMEOUTS.applyTo(S3Client.builder(), settings)
                .forcePathStyle(settings.endpoint().isPresent())
                .build();
    }

    /** Signs URLs locally, without calling S3, with the same credentials and addressing as {@link #create}. */
    public static S3Presigner presigner(S3Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials().provider());
        settings.endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build()));
        return builder.build();
    }
}
