package com.profilepictures.adapters.s3;

import com.profilepictures.awsclients.AwsReach;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Optional;

/**
 * Where the archive's bucket is and how to reach it ({@code PICTURE_BUCKET}, {@code AWS_REGION},
 * {@code S3_ENDPOINT}). Bootstrap reads the environment into this record; the adapter never reads it.
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, CredentialsSource credentials)
        implements AwsReach {

    public S3Settings {
        AwsReach.named(bucket, "An S3 bucket name");
        AwsReach.check(region, endpoint, credentials);
    }
}
