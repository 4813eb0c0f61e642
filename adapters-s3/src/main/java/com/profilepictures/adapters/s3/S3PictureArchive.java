package com.profilepictures.adapters.s3;

import com.profilepictures.awsclients.SdkFailures;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.PictureArchive;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The archive in one S3 bucket: each picture's bytes are the object {@value #KEY_PREFIX}{@code <sha256>},
 * with the picture's {@code Content-Type}, so a presigned URL serves it as the image it is. The key is the
 * bytes' own hash, so equal bytes are one object and an object never changes once written.
 */
public final class S3PictureArchive implements PictureArchive {

    /** Every object of the archive is under this prefix; the template grants the archive function no more. */
    public static final String KEY_PREFIX = "images/";

    // An object's content never changes under its key, so whoever is handed it may keep it for good.
    private static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;

    public S3PictureArchive(S3Client client, S3Presigner presigner, String bucket) {
        this.client = Objects.requireNonNull(client, "client");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /** The object key of a copy. */
    public static String keyOf(ImageVersion version) {
        return KEY_PREFIX + version.sha256();
    }

    @Override
    public void put(Image image) {
        try {
            // Writing the same bytes under the same key again leaves the one object as it was.
            client.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(keyOf(image.version()))
                            .contentType(image.type().mediaType())
                            .cacheControl(CACHE_CONTROL)
                            .build(),
                    RequestBody.fromBytes(image.bytes()));
        } catch (SdkException e) {
            throw failure("keep " + image, e);
        }
    }

    @Override
    public URI presign(ImageVersion version, Duration validity) {
        try {
            return presigner
                    .presignGetObject(request -> request.signatureDuration(validity)
                            .getObjectRequest(get -> get.bucket(bucket).key(keyOf(version))))
                    .url()
                    .toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("S3's presigner made a URL that is no URI: " + e.getMessage(), e);
        }
    }

    private RuntimeException failure(String action, SdkException e) {
        return SdkFailures.failure("S3 bucket " + bucket, action, e, ArchiveUnavailableException::new);
    }
}
