package com.profilepictures.bootstrap;

import com.profilepictures.adapters.picturehost.PictureHostSettings;
import com.profilepictures.adapters.s3.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads where the archive lives ({@code PICTURE_BUCKET}, {@code S3_ENDPOINT}, {@code HISTORY_TABLE_NAME})
 * and where pictures' bytes are downloaded from ({@code X_IMAGE_BASE_URL}) into the adapters' own settings
 * records. A value the service cannot use stops the function at start, with a message naming the variable.
 */
public final class ArchiveConfiguration {

    public static final String DEFAULT_BUCKET = "profile-pictures";
    public static final String DEFAULT_HISTORY_TABLE_NAME = "profile-picture-history";

    // S3's rules for a bucket name in short: 3-63 of lower-case letters, digits, dots and hyphens, a letter or digit at
    // each end.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private ArchiveConfiguration() {}

    /**
     * The bucket, reached as DynamoDB is: the same region, and credentials found the same way, so that one
     * set of AWS settings serves both; with {@code S3_ENDPOINT} (a local server) addressing is path-style.
     */
    public static S3Settings s3(Environment environment) {
        String bucket = environment.get("PICTURE_BUCKET").orElse(DEFAULT_BUCKET);
        if (!BUCKET.matcher(bucket).matches()) {
            throw new InvalidConfigurationException(
                    "PICTURE_BUCKET is not an S3 bucket name (3-63 of a-z 0-9 . -): " + bucket);
        }
        String region = environment.get("AWS_REGION").orElse(StorageConfiguration.DEFAULT_REGION);
        Optional<URI> endpoint = StorageConfiguration.endpoint(environment, "S3_ENDPOINT", "http://127.0.0.1:5000");
        return new S3Settings(
                bucket, region, endpoint, StorageConfiguration.credentials(environment, endpoint.isPresent()));
    }

    /** The history's table, in the same DynamoDB as the pictures' (one client serves both). */
    public static String historyTableName(Environment environment) {
        String table = environment.get("HISTORY_TABLE_NAME").orElse(DEFAULT_HISTORY_TABLE_NAME);
        if (!TABLE.matcher(table).matches()) {
            throw new InvalidConfigurationException(
                    "HISTORY_TABLE_NAME is not a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -): " + table);
        }
        return table;
    }

    /** X's own image hosts, unless {@code X_IMAGE_BASE_URL} names a site serving the same paths. */
    public static PictureHostSettings pictureHost(Environment environment) {
        Optional<String> value = environment.get("X_IMAGE_BASE_URL");
        if (value.isEmpty()) {
            return PictureHostSettings.x();
        }
        try {
            return new PictureHostSettings(Optional.of(new URI(value.get())));
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("X_IMAGE_BASE_URL is not a URL: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // The record's own message names the variable and says what it accepts.
            throw new InvalidConfigurationException(e.getMessage());
        }
    }
}
