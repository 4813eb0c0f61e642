package com.profilepictures.adapters.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the archive's bucket is and how to reach it ({@code PICTURE_BUCKET}, {@code AWS_REGION},
 * {@code S3_ENDPOINT}). Bootstrap reads the environment into this record; the adapter never reads it.
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, CredentialsSource credentials) {

    /** Where the client's AWS credentials come from; as for DynamoDB, so that one setting serves both. */
    public enum CredentialsSource {
        /** {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}, as Lambda provides them. */
        ENVIRONMENT,
        /** The container credentials endpoint, as Lambda provides it to SnapStart functions. */
        CONTAINER,
        /** The SDK's default chain, for running on a workstation. */
        DEFAULT_CHAIN,
        /** Fixed dummy keys: a local S3-compatible server wants a signature but checks nothing. */
        DUMMY
    }

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 bucket name is required.");
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("An AWS region is required.");
        }
    }
}
