package com.profilepictures.adapters.s3;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
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


    private S3Clients() {}

    public static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                // An explicit region and credentials provider spare the cold start the SDK's probing.
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials().provider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /** Signs URLs locally, without calling S3, with the same credentials and addressing as {@link #create}. */
    public static S3Presigner presigner(S3Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials().provider());
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

}
