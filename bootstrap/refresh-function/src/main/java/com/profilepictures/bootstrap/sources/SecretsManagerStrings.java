package com.profilepictures.bootstrap.sources;

import com.profilepictures.awsclients.ClientTimeouts;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Reads a secret's string from Secrets Manager, once, at start: a URL-connection client with bounded waits like
 * every other AWS client of the service, in the secret's own region (from its ARN), closed once read. A local
 * endpoint ({@code SECRETS_MANAGER_ENDPOINT}, e.g. moto's) serves tests and {@code make run}.
 */
public final class SecretsManagerStrings implements XApiConfiguration.SecretStrings {

    // One small read at start, within the function's init phase (10 s on Lambda).
    public static final ClientTimeouts TIMEOUTS = new ClientTimeouts(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofSeconds(6), 2);

    private final Optional<URI> endpoint;
    private final CredentialsSource credentials;

    SecretsManagerStrings(Optional<URI> endpoint, CredentialsSource credentials) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Where the environment says Secrets Manager is, with the credentials the other AWS clients use. */
    public static SecretsManagerStrings from(Environment environment) {
        Optional<URI> endpoint =
                StorageConfiguration.endpoint(environment, "SECRETS_MANAGER_ENDPOINT", "http://127.0.0.1:5000");
        return new SecretsManagerStrings(endpoint, StorageConfiguration.credentials(environment, endpoint.isPresent()));
    }

    @Override
    public String read(String arn) {
        String region = arn.split(":", 6)[3];
        SecretsManagerClientBuilder builder = TIMEOUTS.applyTo(SecretsManagerClient.builder(), region, credentials);
        endpoint.ifPresent(builder::endpointOverride);
        try (SecretsManagerClient client = builder.build()) {
            String secret =
                    client.getSecretValue(request -> request.secretId(arn)).secretString();
            if (secret == null) {
                throw new IllegalStateException("the secret has no string value (a binary secret?)");
            }
            return secret;
        }
    }
}
