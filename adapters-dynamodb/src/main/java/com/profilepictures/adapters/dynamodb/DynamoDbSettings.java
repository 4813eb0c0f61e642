package com.profilepictures.adapters.dynamodb;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the pictures table is and how to reach it. Bootstrap reads the environment into this record;
 * the adapter never reads the environment itself.
 */
public record DynamoDbSettings(String tableName, String region, Optional<URI> endpoint, CredentialsSource credentials) {

    /** Where the client's AWS credentials come from. */
    public enum CredentialsSource {
        /**
         * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}: what Lambda
         * provides, read directly so that a cold start does not walk the whole provider chain.
         */
        ENVIRONMENT,
        /**
         * The container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}): what Lambda
         * provides instead of keys in the environment to SnapStart functions, read directly for the same reason.
         */
        CONTAINER,
        /** The SDK's default chain (profiles, SSO, container and instance roles), for running on a workstation. */
        DEFAULT_CHAIN,
        /** Fixed dummy keys: local DynamoDB-compatible servers want a signature but check nothing. */
        DUMMY
    }

    public DynamoDbSettings {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("A DynamoDB table name is required.");
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("An AWS region is required.");
        }
    }
}
