package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.StorageConfiguration;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where the image route's presigned URLs point ({@code PICTURE_BUCKET}, {@code AWS_REGION}, {@code S3_ENDPOINT}):
 * the one origin besides its own that the gallery's policy lets images come from. It is taken from a URL the
 * SDK's own presigner signs, locally and with dummy keys, rather than spelt out here, because the SDK decides
 * the host ({@code bucket.s3.amazonaws.com} in us-east-1, {@code bucket.s3.eu-west-1.amazonaws.com} elsewhere,
 * the endpoint itself, path-style, for a local server).
 */
final class ArchiveOrigin {

    static final String DEFAULT_BUCKET = "profile-pictures";

    private ArchiveOrigin() {}

    static URI from(Environment environment) {
        String bucket = environment.get("PICTURE_BUCKET").orElse(DEFAULT_BUCKET);
        String region = environment.get("AWS_REGION").orElse(StorageConfiguration.DEFAULT_REGION);
        Optional<URI> endpoint = environment.get("S3_ENDPOINT").map(ArchiveOrigin::endpoint);
        // Signing needs keys but no call is made: only the URL's host matters here.
        S3Settings settings = new S3Settings(bucket, region, endpoint, S3Settings.CredentialsSource.DUMMY);
        try (S3Presigner presigner = S3Clients.presigner(settings)) {
            URL signed = presigner.presignGetObject(request -> request
                    .signatureDuration(Duration.ofMinutes(1))
                    .getObjectRequest(get -> get.bucket(bucket).key("origin"))).url();
            return URI.create(signed.getProtocol() + "://" + signed.getAuthority());
        }
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs a scheme and a host, e.g. http://127.0.0.1:5000");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("S3_ENDPOINT is not a URL: " + e.getMessage());
        }
    }
}
