package com.profilepictures.awsclients;

import java.net.URI;
import java.util.Optional;

/**
 * How an AWS adapter's settings say where its service is: the region, a local server's endpoint if any, and where
 * the credentials come from. Each adapter's settings record implements it with components of these names.
 */
public interface AwsReach {

    String region();

    Optional<URI> endpoint();

    CredentialsSource credentials();
}
