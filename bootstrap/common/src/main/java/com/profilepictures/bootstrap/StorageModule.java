package com.profilepictures.bootstrap;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository every function uses: one DynamoDB client per container, built from the environment. */
@Module
public final class StorageModule {

    private StorageModule() {}

    @Provides
    @Singleton
    static DynamoDbSettings dynamoDbSettings(Environment environment) {
        return StorageConfiguration.from(environment);
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(DynamoDbSettings settings) {
        return DynamoDbClients.create(settings);
    }

    @Provides
    @Singleton
    static ProfilePictureRepository profilePictureRepository(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoDbProfilePictureRepository(client, settings.tableName());
    }
}
