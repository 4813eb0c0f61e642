package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.application.ScrapeWrite;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The picture table's stream, read back from a real moto server: what the archive's stream consumer relies
 * on. A scrape's write changes {@code scraped_at}; the archive mark does not, even when written twice over;
 * {@link PictureStream} tells them apart on the records moto really streams.
 */
@ExtendWith(SharedDynamoDbServer.class)
class PictureTableStreamTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final PictureUrl PICTURE = PictureUrl.of("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg");

    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void connect(DynamoDbServer server) {
        client = DynamoDbClients.create(server.settings("unused"));
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(server.endpoint().toString()))
                .region(Region.of(DynamoDbServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
        streams.close();
    }

    @Test
    void theTableStreamsNewAndOldImages_andOnlyAScrapesWriteChangesScrapedAt() {
        String tableName = PictureTable.createUnique(client, "streamed");
        var repository = new DynamoDbProfilePictureRepository(client, tableName);
        var mark = new ArchiveMark(PICTURE, ImageVersion.ofBytes(new byte[] {1}));

        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0));
        repository.markArchived(Handle.of("jack"), mark);
        repository.markArchived(Handle.of("jack"), mark);
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0.plusSeconds(1)));

        StreamSpecification stream = client.describeTable(request -> request.tableName(tableName))
                .table()
                .streamSpecification();
        assertTrue(stream.streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, stream.streamViewType());
        // moto streams an UpdateItem that creates an item as two INSERTs, the first with the key alone.
        List<Record> all = records(tableName);
        List<Record> records = all.stream()
                .filter(record -> record.dynamodb().newImage().containsKey("scraped_at"))
                .toList();
        // The local API drops those key-only halves (DynamoDB streams none); were one to come, it is no scrape's.
        all.stream()
                .filter(record -> !records.contains(record))
                .forEach(keyOnly -> assertFalse(changesScrapedAt(keyOnly), keyOnly.toString()));
        List<Record> scrapes = records.stream()
                .filter(PictureTableStreamTest::changesScrapedAt)
                .toList();
        List<Record> others =
                records.stream().filter(record -> !changesScrapedAt(record)).toList();
        assertEquals(2, scrapes.size(), "the scrape and the re-scrape: " + records);
        assertEquals("INSERT", scrapes.get(0).eventNameAsString());
        assertEquals(
                Long.toString(T0.toEpochMilli()),
                scrapes.get(0).dynamodb().newImage().get("scraped_at").n());
        assertEquals("MODIFY", scrapes.get(1).eventNameAsString());
        assertEquals(
                mark.version().sha256(),
                scrapes.get(1).dynamodb().newImage().get("image_version").s(),
                "the mark stays");
        assertEquals(2, others.size(), "both marks, the second of which changed nothing: " + records);
        for (Record marked : others) {
            assertEquals("MODIFY", marked.eventNameAsString());
            assertEquals(
                    mark.version().sha256(),
                    marked.dynamodb().newImage().get("image_version").s());
        }
    }

    @Test
    void theRefreshsWritesNeverChangeScrapedAt_soTheArchiveNeverTakesThemForAPicture() {
        String tableName = PictureTable.createUnique(client, "streamed");
        var repository = new DynamoDbProfilePictureRepository(client, tableName);
        var pause = new DynamoDbRefreshPause(client, tableName);
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PICTURE, T0));

        repository.markQueued(Handle.of("jack"), T0, T0.plusSeconds(600));
        repository.recordSamePicture(Handle.of("Jack"), PICTURE, T0.plusSeconds(60));
        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.SUSPENDED, T0.plusSeconds(120));
        repository.recordAccountStatus(Handle.of("ghost"), AccountStatus.NOT_FOUND, T0.plusSeconds(120));
        pause.pauseUntil(T0.plusSeconds(900));

        List<Record> records = records(tableName);
        List<Record> refreshes = records.stream()
                .filter(record -> "MODIFY".equals(record.eventNameAsString()))
                .toList();
        assertEquals(3, refreshes.size(), "the queued mark, the check and the state: " + records);
        for (Record refresh : refreshes) {
            assertFalse(changesScrapedAt(refresh), refresh.toString());
        }
        assertEquals(
                Set.of("jack", DynamoDbRefreshPause.KEY),
                records.stream()
                        .filter(record -> "INSERT".equals(record.eventNameAsString()))
                        .map(record ->
                                record.dynamodb().keys().get("handle_key").s())
                        .collect(Collectors.toSet()),
                "no check created an item: " + records);
        assertTrue(
                records.stream()
                        .filter(record -> DynamoDbRefreshPause.KEY.equals(
                                record.dynamodb().keys().get("handle_key").s()))
                        .noneMatch(record -> record.dynamodb().newImage().containsKey("scraped_at")),
                "the pause's item has no scraped_at, which the archive ignores: " + records);
    }

    /** What the archive's consumer takes for a scrape's write: the record read by {@link PictureStream}, as Lambda hands it over. */
    private static boolean changesScrapedAt(Record record) {
        return PictureStream.read(lambdaRecord(record)) instanceof ScrapeWrite.Stored;
    }

    // The SDK's record as Lambda's event carries it; the picture table holds strings and numbers only.
    private static DynamodbEvent.DynamodbStreamRecord lambdaRecord(Record record) {
        var change = new StreamRecord().withSequenceNumber(record.dynamodb().sequenceNumber());
        if (record.dynamodb().hasNewImage()) {
            change.setNewImage(lambdaImage(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            change.setOldImage(lambdaImage(record.dynamodb().oldImage()));
        }
        var mapped = new DynamodbEvent.DynamodbStreamRecord();
        mapped.setEventName(record.eventNameAsString());
        mapped.setDynamodb(change);
        return mapped;
    }

    private static Map<String, AttributeValue> lambdaImage(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> mapped = new HashMap<>();
        image.forEach((name, value) ->
                mapped.put(name, new AttributeValue().withS(value.s()).withN(value.n())));
        return mapped;
    }

    private static List<Record> records(String tableName) {
        String streamArn = client.describeTable(request -> request.tableName(tableName))
                .table()
                .latestStreamArn();
        List<Record> records = new ArrayList<>();
        streams.describeStream(request -> request.streamArn(streamArn))
                .streamDescription()
                .shards()
                .forEach(shard -> {
                    String iterator = streams.getShardIterator(request -> request.streamArn(streamArn)
                                    .shardId(shard.shardId())
                                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
                    records.addAll(streams.getRecords(request -> request.shardIterator(iterator))
                            .records());
                });
        return records;
    }
}
