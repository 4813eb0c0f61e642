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
    static PictureHistory pictureHistory(DynamoDbClient client, Environment environment) {
        return new DynamoDbPictureHistory(client, ArchiveConfiguration.historyTableName(environment));
    }

    // The S3 client and presigner serve the archive alone, so they are made with it.
    @Provides
    @Singleton
    static PictureArchive pictureArchive(Environment environment) {
        S3Settings settings = ArchiveConfiguration.s3(environment);
        return new S3PictureArchive(S3Clients.create(settings), S3Clients.presigner(settings), settings.bucket());
    }

    @Provides
    @Singleton
    static PictureHost pictureHost(Environment environment) {
        return new HttpPictureHost(ArchiveConfiguration.pictureHost(environment));
    }
}
