package com.profilepictures.awsclients;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Where an AWS client's credentials come from. Bootstrap chooses once; each AWS adapter's client uses it. */
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
    /** Fixed dummy keys: local AWS-compatible servers want a signature but check nothing. */
    DUMMY;

    private static final String DUMMY_KEY = "dummy";

    /** A provider for this source; the switch is exhaustive, so a new source must say how it is read. */
    public AwsCredentialsProvider provider() {
        return switch (this) {
            case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
            case CONTAINER -> ContainerCredentialsProvider.builder().build();
            case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
            case DUMMY -> StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY));
        };
    }
}
