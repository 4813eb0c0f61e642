package com.profilepictures.bench;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.bootstrap.local.LocalInfrastructure;
import com.profilepictures.bootstrap.local.SamTemplate;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Creates the template's tables on the bench's moto_server and stores {@code count} pictures (bench00, bench01, ...),
 * so that GET finds its item and GET /users reads a full page. Argument: count.
 */
public final class Seed {

    private Seed() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        DynamoDbSettings storage = StorageConfiguration.from(Environment.current());
        // The template's tables and bucket, as make run creates them, on the bench's moto (DYNAMODB_ENDPOINT).
        LocalInfrastructure.start(
                        SamTemplate.load(Path.of("template.yaml")), Environment.current(), Path.of("unused.log"))
                .close();
        try (var client = DynamoDbClients.create(storage)) {
            var repository = new DynamoDbProfilePictureRepository(client, storage.tableName());
            for (int i = 0; i < count; i++) {
                Handle handle = Handle.of(String.format("Bench%02d", i));
                repository.saveIfNewer(new ProfilePicture(
                        handle,
                        PictureUrl.of(FixtureSite.pictureUrlOf(handle.display())),
                        Instant.ofEpochMilli(1_700_000_000_000L + i)));
            }
        }
        System.out.println("Seeded " + count + " pictures into " + storage.tableName() + " at "
                + storage.endpoint().orElseThrow());
    }
}
