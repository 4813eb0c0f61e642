package com.profilepictures.adapters.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the archive's bucket on a local server ({@code make run}, the tests, the bench). In AWS the SAM
 * template creates it, so no deployed function calls this.
 */
public final class PictureBucket {

    private PictureBucket() {}

    /** As {@link #createIfMissing(S3Client, String)}, through a client of its own. */
    public static void createIfMissing(S3Settings settings) {
        try (S3Client client = S3Clients.create(settings)) {
            createIfMissing(client, settings.bucket());
        }
    }

    /** Creates the bucket unless it exists, and returns once it does. Safe to call from several processes at once. */
    public static void createIfMissing(S3Client client, String bucket) {
        try {
            client.createBucket(request -> request.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // Created earlier, or by a concurrent creator that won the race.
        } catch (SdkException e) {
            throw new IllegalStateException("Could not create S3 bucket " + bucket + ": " + e.getMessage(), e);
        }
        try {
            client.waiter().waitUntilBucketExists(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw new IllegalStateException("S3 bucket " + bucket + " did not come to exist: " + e.getMessage(), e);
        }
    }
}
