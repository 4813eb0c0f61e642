package com.profilepictures.bootstrap.sources;

import com.profilepictures.adapters.xapi.BearerToken;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads how to reach X's API ({@code X_API_BASE_URL}) and the operator's bearer token: {@code X_API_BEARER_TOKEN}
 * itself (locally), or {@code X_API_BEARER_TOKEN_SECRET_ARN}, a Secrets Manager secret whose string is the token
 * (deployed), read once here. No token, no {@code x_api}. Shared by the scrape function (part of its
 * {@code ScrapeConfiguration}) and the refresh's workers, so both read the token alike; every error names
 * the variable and never repeats the token.
 */
public final class XApiConfiguration {

    public static final String TOKEN = "X_API_BEARER_TOKEN";
    public static final String SECRET_ARN = "X_API_BEARER_TOKEN_SECRET_ARN";

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:\\S+");

    /** Reads a secret's string by its ARN; the real one asks Secrets Manager ({@link SecretsManagerStrings}). */
    @FunctionalInterface
    public interface SecretStrings {
        /** The secret's current string, or an exception saying why it cannot be read (never with its value). */
        String read(String arn);
    }

    private XApiConfiguration() {}

    /** The settings of {@code x_api}, if a token is configured. */
    public static Optional<XApiSettings> from(Environment environment, SecretStrings secrets) {
        Optional<String> token = environment.get(TOKEN);
        Optional<String> arn = environment.get(SECRET_ARN);
        if (token.isPresent() && arn.isPresent()) {
            throw new InvalidConfigurationException(TOKEN + " and " + SECRET_ARN
                    + " are both set; set one: the token locally, the secret's ARN deployed.");
        }
        if (token.isEmpty() && arn.isEmpty()) {
            return Optional.empty();
        }
        String value = token.isPresent() ? token.get() : secretOf(arn.get(), secrets);
        BearerToken bearer;
        try {
            bearer = BearerToken.of(value);
        } catch (IllegalArgumentException e) {
            // The token's own message never repeats it.
            throw new InvalidConfigurationException(
                    (token.isPresent() ? TOKEN : "The secret " + arn.get() + " (" + SECRET_ARN + ")") + ": "
                            + e.getMessage());
        }
        URI baseUrl = environment
                .get("X_API_BASE_URL")
                .map(XApiConfiguration::baseUrl)
                .orElse(XApiSettings.DEFAULT_BASE_URL);
        return Optional.of(XApiSettings.of(baseUrl, bearer));
    }

    private static String secretOf(String arn, SecretStrings secrets) {
        if (!ARN.matcher(arn).matches()) {
            throw new InvalidConfigurationException(SECRET_ARN
                    + " is not the ARN of a Secrets Manager secret (arn:aws:secretsmanager:{region}:{account}:secret:{name}): "
                    + arn);
        }
        try {
            return secrets.read(arn);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(SECRET_ARN + ": the secret " + arn + " cannot be read ("
                    + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
                    + "); the function needs secretsmanager:GetSecretValue on it, and the secret a string value.");
        }
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null) {
                throw new URISyntaxException(value, "needs http or https, a host and no query, e.g. https://api.x.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("X_API_BASE_URL is not a URL: " + e.getMessage());
        }
    }
}
