package com.profilepictures.bootstrap.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveOriginTest {

    @Test
    void inUsEast1TheBucketsPresignedUrlsAreOnS3sGlobalHost() {
        URI origin = ArchiveOrigin.of(settings("us-east-1", Optional.empty()));

        assertEquals(URI.create("https://pictures-1a2b.s3.amazonaws.com"), origin);
    }

    @Test
    void elsewhereTheyAreOnTheRegionsHost() {
        URI origin = ArchiveOrigin.of(settings("eu-west-1", Optional.empty()));

        assertEquals(URI.create("https://pictures-1a2b.s3.eu-west-1.amazonaws.com"), origin);
    }

    @Test
    void givenALocalEndpoint_theyAreOnTheEndpointItself() {
        URI origin = ArchiveOrigin.of(settings("us-east-1", Optional.of(URI.create("http://127.0.0.1:5123"))));

        assertEquals(URI.create("http://127.0.0.1:5123"), origin);
    }

    private static S3Settings settings(String region, Optional<URI> endpoint) {
        // Whatever credentials the functions use, the origin is the same: it is signed with dummy ones.
        return new S3Settings("pictures-1a2b", region, endpoint, CredentialsSource.DEFAULT_CHAIN);
    }
}
