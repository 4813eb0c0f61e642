package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where the image route's presigned URLs point: the one origin besides its own that the gallery's policy lets
 * images come from. It is taken from a URL the SDK's own presigner signs for the archive's bucket, locally and
 * with dummy keys, rather than spelt out here, because the SDK decides the host ({@code bucket.s3.amazonaws.com}
 * in us-east-1, {@code bucket.s3.eu-west-1.amazonaws.com} elsewhere, the endpoint itself, path-style, for a
 * local server such as moto).
 */
final class ArchiveOrigin {

    private ArchiveOrigin() {}

    static URI of(S3Settings archive) {
        // Signing needs keys but makes no call: only the URL's host matters here.
        S3Settings signing =
                new S3Settings(archive.bucket(), archive.region(), archive.endpoint(), CredentialsSource.DUMMY);
        try (S3Presigner presigner = S3Clients.presigner(signing)) {
            URL signed = presigner
                    .presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(1))
                            .getObjectRequest(
                                    get -> get.bucket(archive.bucket()).key("origin")))
                    .url();
            return URI.create(signed.getProtocol() + "://" + signed.getAuthority());
        }
    }
}
