package com.profilepictures.awsclients;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How an AWS adapter's settings say where its service is: the region, a local server's endpoint if any, and where
 * the credentials come from. Each adapter's settings record implements it with components of these names.
 */
public interface AwsReach {

    String region();

    Optional<URI> endpoint();

    CredentialsSource credentials();

    /**
     * The check each settings record makes of these components: all given, and a region that is not blank.
     *
     * @throws IllegalArgumentException for a blank region
     */
    static void check(String region, Optional<URI> endpoint, CredentialsSource credentials) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        if (region.isBlank()) {
            throw new IllegalArgumentException("An AWS region is required.");
        }
    }

    /**
     * {@code name}, the name of what a settings record reaches (a table, a bucket), which must be given and not
     * blank; {@code what} says what it names, e.g. "A DynamoDB table name".
     *
     * @throws IllegalArgumentException for a blank name
     */
    static String named(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " is required.");
        }
        return name;
    }
}
