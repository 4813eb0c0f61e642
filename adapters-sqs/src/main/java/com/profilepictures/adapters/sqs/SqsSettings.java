package com.profilepictures.adapters.sqs;

import com.profilepictures.awsclients.AwsReach;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the refresh queue is and how to reach it. Bootstrap reads the environment into this record; the
 * adapter never reads the environment itself.
 */
public record SqsSettings(URI queueUrl, String region, Optional<URI> endpoint, CredentialsSource credentials)
        implements AwsReach {

    public SqsSettings {
        Objects.requireNonNull(queueUrl, "queueUrl");
        AwsReach.check(region, endpoint, credentials);
    }
}
