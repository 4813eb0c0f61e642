package com.profilepictures.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.PictureArchiveContract;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The archive contract, and what is particular to S3, on a real moto server; a fresh bucket per test. */
class S3PictureArchiveTest extends PictureArchiveContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path log;
    private static MotoServer moto;
    private static S3Client client;
    private static S3Presigner presigner;

    private String bucket;

    @BeforeAll
    static void startMoto() throws IOException {
        log = Files.createTempFile("moto-s3-", ".log");
        moto = MotoServer.start(log);
        S3Settings settings = settings(moto.endpoint(), "unused");
        client = S3Clients.create(settings);
        presigner = S3Clients.presigner(settings);
    }

    @AfterAll
    static void stopMoto() throws IOException {
        client.close();
        presigner.close();
        moto.close();
        Files.deleteIfExists(log);
    }

    static S3Settings settings(URI endpoint, String bucket) {
        return new S3Settings(bucket, "us-east-1", Optional.of(endpoint), CredentialsSource.DUMMY);
    }

    @Override
    protected PictureArchive emptyArchive() {
        bucket = "pictures-" + UUID.randomUUID();
        PictureBucket.createIfMissing(client, bucket);
        return new S3PictureArchive(client, presigner, bucket);
    }

    @Override
    protected Optional<Served> follow(URI presigned) {
        try {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(presigned)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            assertEquals(200, response.statusCode(), () -> new String(response.body()));
            return Optional.of(
                    new Served(response.headers().firstValue("Content-Type").orElse(null), response.body()));
        } catch (IOException e) {
            throw new AssertionError("Could not follow " + presigned, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    protected int copies() {
        return client.listObjectsV2(request -> request.bucket(bucket)).keyCount();
    }

    @Test
    void aCopyIsAnImmutableObjectNamedByItsHashUnderTheArchivePrefix() {
        var archive = emptyArchive();
        Image image = SampleImages.image(ImageType.PNG, "jack");

        archive.put(image);

        HeadObjectResponse head = client.headObject(request ->
                request.bucket(bucket).key("images/" + image.version().sha256()));
        assertEquals("image/png", head.contentType());
        assertEquals("public, max-age=31536000, immutable", head.cacheControl());
        assertEquals((long) image.size(), head.contentLength());
    }

    @Test
    void withAnEndpointOverrideUrlsArePathStyleAndSignedForTheirValidity() {
        var archive = emptyArchive();
        Image image = SampleImages.image(ImageType.JPEG, "jack");

        URI presigned = archive.presign(image.version(), Duration.ofMinutes(15));

        assertEquals(moto.endpoint().getAuthority(), presigned.getAuthority());
        assertEquals("/" + bucket + "/images/" + image.version().sha256(), presigned.getPath());
        assertTrue(presigned.getQuery().contains("X-Amz-Expires=900"), presigned.getQuery());
        assertTrue(presigned.getQuery().contains("X-Amz-Signature="), presigned.getQuery());
    }

    @Test
    void withoutAnEndpointUrlsPointAtTheBucketsOwnHost() {
        var settings = new S3Settings("profile-pictures", "eu-west-1", Optional.empty(), CredentialsSource.DUMMY);
        try (S3Presigner aws = S3Clients.presigner(settings);
                S3Client unused = S3Clients.create(settings)) {
            var archive = new S3PictureArchive(unused, aws, settings.bucket());

            URI presigned =
                    archive.presign(SampleImages.image(ImageType.JPEG, "x").version(), Duration.ofMinutes(1));

            assertEquals("https", presigned.getScheme());
            assertEquals("profile-pictures.s3.eu-west-1.amazonaws.com", presigned.getHost());
        }
    }

    @Test
    void aMissingBucketIsAMisconfigurationNotAnOutage() {
        var archive = new S3PictureArchive(client, presigner, "never-created-" + UUID.randomUUID());

        var thrown = assertThrows(RuntimeException.class, () -> archive.put(SampleImages.image(ImageType.JPEG, "x")));

        assertInstanceOf(IllegalStateException.class, thrown);
    }

    @Test
    void creatingTheBucketAgainKeepsItsObjects() {
        var archive = emptyArchive();
        Image image = SampleImages.image(ImageType.GIF, "kept");
        archive.put(image);

        PictureBucket.createIfMissing(client, bucket);

        assertTrue(
                follow(archive.presign(image.version(), Duration.ofMinutes(1))).isPresent());
    }

    @Test
    void givenAStoppedOrFrozenServer_calls_failAsArchiveUnavailableWithinTheCallTimeout() throws IOException {
        Path ownLog = Files.createTempFile("moto-s3-faults-", ".log");
        try (MotoServer own = MotoServer.start(ownLog);
                S3Client ownClient = S3Clients.create(settings(own.endpoint(), "unused"))) {
            String ownBucket = "faults-" + UUID.randomUUID();
            PictureBucket.createIfMissing(ownClient, ownBucket);
            var archive = new S3PictureArchive(ownClient, presigner, ownBucket);
            Image image = SampleImages.image(ImageType.JPEG, "jack");
            archive.put(image);

            own.pause();
            long started = System.nanoTime();
            assertThrows(ArchiveUnavailableException.class, () -> archive.put(image));
            Duration frozen = Duration.ofNanos(System.nanoTime() - started);
            own.resume();
            assertDoesNotThrow(() -> archive.put(image), "works again once the server does");
            own.kill();

            assertThrows(ArchiveUnavailableException.class, () -> archive.put(image));
            // The client gives up after S3Clients.API_CALL_TIMEOUT; the rest is slack for a loaded machine.
            assertTrue(frozen.compareTo(S3Clients.API_CALL_TIMEOUT.plusSeconds(5)) < 0, "took " + frozen);
        } finally {
            Files.deleteIfExists(ownLog);
        }
    }
}
