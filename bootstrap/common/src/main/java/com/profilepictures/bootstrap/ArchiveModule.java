package com.profilepictures.bootstrap;

import com.profilepictures.adapters.dynamodb.DynamoDbPictureHistory;
import com.profilepictures.adapters.picturehost.HttpPictureHost;
import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3PictureArchive;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.PictureHost;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The archive's ports: the history (on the pictures' own DynamoDB client), the bucket of copies, and X's
 * image host. Used with {@link StorageModule}; a component builds only what its handler needs, so the
 * read functions never make an image-host client.
 */
@Module
public final class ArchiveModule {

    private ArchiveModule() {}

    @Provides
    @Singleton
    static S3Settings s3Settings(Environment environment) {
        return ArchiveConfiguration.s3(environment);
    }

    @Provides
    @Singleton
    static PictureHistory pictureHistory(DynamoDbClient client, Environment environment) {
        return new DynamoDbPictureHistory(client, ArchiveConfiguration.historyTableName(environment));
    }

    @Provides
    @Singleton
    static S3Client s3Client(S3Settings settings) {
        return S3Clients.create(settings);
    }

    @Provides
    @Singleton
    static S3Presigner s3Presigner(S3Settings settings) {
        return S3Clients.presigner(settings);
    }

    @Provides
    @Singleton
    static PictureArchive pictureArchive(S3Client client, S3Presigner presigner, S3Settings settings) {
        return new S3PictureArchive(client, presigner, settings.bucket());
    }

    @Provides
    @Singleton
    static PictureHost pictureHost(Environment environment) {
        return new HttpPictureHost(ArchiveConfiguration.pictureHost(environment));
    }
}
