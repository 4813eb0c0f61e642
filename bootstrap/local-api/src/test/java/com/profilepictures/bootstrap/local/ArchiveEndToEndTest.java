package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3Settings;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Archiving end to end, through {@code make run}'s process: the local API feeds the picture table's stream
 * to the archive function as Lambda would, the function downloads from the fixture site (as X's image
 * host, {@code X_IMAGE_BASE_URL}) into S3 on a moto of its own (so that S3 alone can be paused), and the
 * image route redirects to the copy. DynamoDB is the shared moto. Every API answer is checked against
 * {@code openapi.yaml}. The process is its own JVM, so its functions read this test's configuration
 * whatever other tests configured in theirs.
 */
@ExtendWith(SharedDynamoDbServer.class)
class ArchiveEndToEndTest {

    @RegisterExtension
    static final MakeRun MAKE_RUN = new MakeRun();

    /** Archiving runs right after the scrape; on a loaded machine it may take a few seconds. */
    private static final Duration ARCHIVING = Duration.ofSeconds(60);
    /** Long enough that the stream archives every picture first when all is well, even on a loaded machine. */
    private static final Duration ARCHIVE_GRACE = Duration.ofSeconds(10);

    private static final String TABLE = DynamoDbServer.uniqueTableName("archive-e2e");
    private static final String HISTORY = DynamoDbServer.uniqueTableName("archive-e2e-history");
    private static final String BUCKET = "archive-e2e-" + UUID.randomUUID();
    private static final HttpClient PLAIN =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FixtureSite x;
    private static MotoServer s3Server;
    // The template's queues (the sweep's, the OnFailure one) on a moto of their own, so that pausing S3 leaves them.
    private static MotoServer sqsServer;
    private static SqsClient sqs;
    private static S3Client s3;
    private static DynamoDbStreamsClient streams;
    private static MakeRun.Started process;
    private static Http http;
    private static Path workDir;

    @BeforeAll
    static void startTheService(DynamoDbServer dynamoDb) throws Exception {
        x = FixtureSite.start(Duration.ofMillis(100));
        workDir = Files.createTempDirectory("archive-e2e");
        s3Server = MotoServer.start(workDir.resolve("s3-moto.log"));
        sqsServer = MotoServer.start(workDir.resolve("sqs-moto.log"));
        sqs = SqsClients.create(new SqsSettings(
                URI.create(sqsServer.endpoint() + "/000000000000/unused"),
                DynamoDbServer.REGION,
                Optional.of(sqsServer.endpoint()),
                CredentialsSource.DUMMY));
        s3 = S3Clients.create(new S3Settings(
                BUCKET, DynamoDbServer.REGION, Optional.of(s3Server.endpoint()), CredentialsSource.DUMMY));
        DynamoDbSettings storage = dynamoDb.settings(TABLE);
        streams = DynamoDbClients.createStreams(storage);

        process = MAKE_RUN.start(
                workDir,
                pairs(
                        "PORT",
                        "0",
                        "DYNAMODB_ENDPOINT",
                        dynamoDb.endpoint().toString(),
                        "TABLE_NAME",
                        TABLE,
                        "HISTORY_TABLE_NAME",
                        HISTORY,
                        "S3_ENDPOINT",
                        s3Server.endpoint().toString(),
                        "PICTURE_BUCKET",
                        BUCKET,
                        "X_BASE_URL",
                        x.baseUrl().toString(),
                        "X_IMAGE_BASE_URL",
                        x.baseUrl().toString(),
                        "SCRAPE_TIMEOUT",
                        "PT15S",
                        // The sweep: the planner every 2 s re-drives what is not archived 10 s after its scrape.
                        "SQS_ENDPOINT",
                        sqsServer.endpoint().toString(),
                        "ARCHIVE_GRACE",
                        ARCHIVE_GRACE.toString(),
                        "REFRESH_EVERY",
                        "PT2S"));
        http = new Http(process.awaitReady(Duration.ofSeconds(120)));
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return pairs;
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (process != null) {
            process.close(); // before the servers it uses stop
        }
        if (s3 != null) {
            s3.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (s3Server != null) {
            s3Server.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (sqsServer != null) {
            sqsServer.close();
        }
        if (x != null) {
            x.close();
        }
    }

    @Test
    void aScrapedPictureIsArchivedAndTheImageUrlServesExactlyItsBytes() throws Exception {
        var scraped = scrape("Archie");
        String picture = scraped.body().get("profileUrl").getAsString();
        assertFalse(scraped.body().get("image").getAsString().isEmpty());

        JsonObject profile =
                awaitProfile("archie", stored -> stored.get("archived").getAsBoolean());

        assertEquals(picture, profile.get("profile_url").getAsString());
        assertEquals(
                http.baseUrl() + "/user/Archie/profile_pic/image",
                profile.get("image").getAsString(),
                "an absolute link that works here");
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), image("/user/archie/profile_pic/image"));
        assertArrayEquals(
                FixtureSite.pictureBytesOf(picture),
                image(URI.create(profile.get("image").getAsString()).getPath()),
                "the link in the body leads to the same picture");
        assertEquals(1, x.pictureRequestsFor("archie"), "downloaded once");
    }

    @Test
    void aNewPictureIsServedAndTheOldOneStaysReachableThroughTheHistory() throws Exception {
        String first = scrape("changer").body().get("profileUrl").getAsString();
        awaitProfile("changer", stored -> stored.get("archived").getAsBoolean());
        String second = x.changePicture("changer");

        assertEquals(second, scrape("changer").body().get("profileUrl").getAsString());
        awaitProfile(
                "changer",
                stored -> stored.get("profile_url").getAsString().equals(second)
                        && stored.get("archived").getAsBoolean());

        assertArrayEquals(FixtureSite.pictureBytesOf(second), image("/user/changer/profile_pic/image"));
        var history = http.get("/user/changer/history");
        assertEquals(200, history.status(), history.raw().body());
        List<JsonObject> pictures = new ArrayList<>();
        history.body().getAsJsonArray("pictures").forEach(entry -> pictures.add(entry.getAsJsonObject()));
        assertEquals(
                List.of(second, first),
                pictures.stream()
                        .map(entry -> entry.get("profile_url").getAsString())
                        .toList(),
                "newest first");
        for (JsonObject entry : pictures) {
            URI link = URI.create(entry.get("image").getAsString());
            assertArrayEquals(
                    FixtureSite.pictureBytesOf(entry.get("profile_url").getAsString()),
                    image(link.getRawPath() + "?" + link.getRawQuery()));
        }
    }

    @Test
    void aBadPictureIsNotArchivedNotRetriedAndLeavesNothingInS3() {
        Instant firstScrape = Instant.now();
        for (String handle :
                List.of(FixtureSite.PICTURE_GONE, FixtureSite.PICTURE_NOT_IMAGE, FixtureSite.PICTURE_TOO_BIG)) {
            int objectsBefore = objectsInBucket();
            var scraped = scrape(handle);
            String picture = scraped.body().get("profileUrl").getAsString();

            awaitOutput(
                    line -> line.contains("\"outcome\":\"not_archivable\"") && line.contains(picture),
                    handle + " judged");
            assertEquals(objectsBefore, objectsInBucket(), handle + ": no object");
            // The stream is delivered in order: once a later scrape is archived, a retry of this one would have come.
            scrape("after" + handle);
            awaitProfile("after" + handle, stored -> stored.get("archived").getAsBoolean());

            JsonObject profile = awaitProfile(handle, stored -> true);
            assertEquals(picture, profile.get("profile_url").getAsString(), handle + ": the URL is stored");
            assertFalse(profile.get("archived").getAsBoolean(), handle);
            var image = http.get("/user/" + handle + "/profile_pic/image");
            assertEquals(404, image.status(), handle);
            assertEquals("image_not_archived", image.error().get("code").getAsString());
            assertEquals(1, x.pictureRequestsFor(handle), handle + ": a permanent failure is not retried");
        }
        // Each is marked not archivable on its item: the sweep, well past the grace, never sends it again.
        awaitPlannerRuns(3, firstScrape.plus(ARCHIVE_GRACE).plusSeconds(1));
        for (String handle :
                List.of(FixtureSite.PICTURE_GONE, FixtureSite.PICTURE_NOT_IMAGE, FixtureSite.PICTURE_TOO_BIG)) {
            assertEquals(1, x.pictureRequestsFor(handle), handle + ": asked for once across the planner's passes");
        }
    }

    @Test
    void anImageHostOutageLongerThanTheStreamsRetries_isToldToTheFailureQueue_andTheSweepArchivesAfterIt()
            throws Exception {
        x.imageHostUnavailable(true);
        String picture;
        try {
            picture = scrape("hostout").body().get("profileUrl").getAsString();
            String gaveUp = awaitNewOutput(line -> line.contains("gave up"), "the stream gives up", ARCHIVING);
            // As Lambda does: the shard and the range the mapping skipped, on the template's OnFailure queue.
            JsonObject batch = awaitFailureRecordStartingAt(gaveUp);
            assertFalse(batch.get("shardId").getAsString().isBlank());
            assertTrue(batch.get("batchSize").getAsInt() >= 1);
            assertFalse(awaitProfile("hostout", stored -> true).get("archived").getAsBoolean(), "X still down");
        } finally {
            x.imageHostUnavailable(false);
        }

        JsonObject archived =
                awaitProfile("hostout", stored -> stored.get("archived").getAsBoolean());

        assertEquals(picture, archived.get("profile_url").getAsString());
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), image("/user/hostout/profile_pic/image"));
        assertTrue(
                process.output().stream()
                        .anyMatch(line -> line.contains("\"event\":\"archive_sweep\"")
                                && line.contains("Hostout")
                                && line.contains("\"outcome\":\"archived\"")),
                "archived by the sweep, with no scrape:\n" + process.tail());
        assertTrue(
                process.output().stream()
                        .anyMatch(line ->
                                line.contains("\"ArchiveRedrives\":") && !line.contains("\"ArchiveRedrives\":0")),
                "the re-drives are counted");
    }

    /** The OnFailure queue's message whose range starts at the first sequence number {@code gaveUp} names. */
    private static JsonObject awaitFailureRecordStartingAt(String gaveUp) {
        java.util.regex.Matcher skipped = java.util.regex.Pattern.compile("skipping sequence numbers \\[([0-9]+)")
                .matcher(gaveUp);
        assertTrue(skipped.find(), gaveUp);
        String queueUrl = sqs.getQueueUrl(request -> request.queueName("StreamFailureQueue"))
                .queueUrl();
        Instant deadline = Instant.now().plus(ARCHIVING);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            for (var message : sqs.receiveMessage(request ->
                            request.queueUrl(queueUrl).waitTimeSeconds(0).maxNumberOfMessages(10))
                    .messages()) {
                seen.add(message.body());
                JsonObject record =
                        com.google.gson.JsonParser.parseString(message.body()).getAsJsonObject();
                JsonObject batch = record.getAsJsonObject("DDBStreamBatchInfo");
                if (batch.get("startSequenceNumber").getAsString().equals(skipped.group(1))) {
                    assertEquals(
                            "RetryAttemptsExhausted",
                            record.getAsJsonObject("requestContext")
                                    .get("condition")
                                    .getAsString());
                    assertFalse(message.body().contains("hostout"), "no record's content: " + message.body());
                    return batch;
                }
            }
            process.awaitOutputChange(Duration.ofMillis(200));
        }
        return fail("no OnFailure message for " + skipped.group(1) + " among " + seen);
    }

    /** Waits until {@code notBefore}, then for {@code runs} more runs of the planner. */
    private static void awaitPlannerRuns(int runs, Instant notBefore) {
        while (Instant.now().isBefore(notBefore)) {
            process.awaitOutputChange(Duration.ofMillis(200));
        }
        for (int i = 0; i < runs; i++) {
            awaitNewOutput(line -> line.contains("\"event\":\"refresh_plan\""), "a planner run", ARCHIVING);
        }
    }

    /** Waits for one more line {@code line} accepts than there are now; answers the newest. */
    private static String awaitNewOutput(Predicate<String> line, String what, Duration within) {
        long before = process.output().stream().filter(line).count();
        awaitOutput(printed -> process.output().stream().filter(line).count() > before, what, within);
        List<String> matching = process.output().stream().filter(line).toList();
        return matching.get(matching.size() - 1);
    }

    @Test
    void anS3OutageShorterThanTheRetryBudgetDelaysArchivingOnly() throws Exception {
        s3Server.pause();
        try {
            scrape("briefout");
            awaitOutput(
                    line -> line.contains("\"outcome\":\"failed\"") && line.contains("Briefout"), "a failed attempt");
        } finally {
            s3Server.resume();
        }

        JsonObject archived =
                awaitProfile("briefout", stored -> stored.get("archived").getAsBoolean());
        assertArrayEquals(
                FixtureSite.pictureBytesOf(archived.get("profile_url").getAsString()),
                image("/user/briefout/profile_pic/image"),
                "nothing lost: the very bytes X served");
    }

    @Test
    void anS3OutageLongerThanTheRetryBudgetIsLoggedAndTheSweepArchivesWithNoScrape() throws Exception {
        s3Server.pause();
        String picture;
        try {
            picture = scrape("longout").body().get("profileUrl").getAsString();
            awaitNewOutput(
                    line -> line.contains("gave up"), "the event source mapping gives up", Duration.ofMinutes(5));
            JsonObject stored = awaitProfile("longout", profile -> true);
            assertFalse(stored.get("archived").getAsBoolean(), "given up: not archived");
            assertEquals(picture, stored.get("profile_url").getAsString());
        } finally {
            s3Server.resume();
        }

        awaitProfile("longout", profile -> profile.get("archived").getAsBoolean());
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), image("/user/longout/profile_pic/image"));
    }

    @Test
    void reScrapingAnArchivedPictureKeepsItArchivedThroughoutAndNothingLoops() throws Exception {
        String picture = scrape("again").body().get("profileUrl").getAsString();
        awaitProfile("again", stored -> stored.get("archived").getAsBoolean());
        AtomicBoolean scraping = new AtomicBoolean(true);
        List<String> problems = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    while (scraping.get()) {
                        JsonObject profile = http.get("/user/again/profile_pic").body();
                        if (!profile.get("archived").getAsBoolean()) {
                            problems.add("archived false: " + profile);
                        }
                        int status =
                                http.redirect("/user/again/profile_pic/image").statusCode();
                        if (status != 302) {
                            problems.add("image answered " + status);
                        }
                    }
                },
                "archive-e2e-reader");
        reader.start();
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(picture, scrape("again").body().get("profileUrl").getAsString());
            }
        } finally {
            scraping.set(false);
            reader.join(30_000);
        }

        assertEquals(List.of(), problems);
        // The stream is in order: once a later scrape's record is handled, every record for "again" before it is too.
        int settled = awaitMarker("marker1");
        int later = awaitMarker("marker2");
        assertEquals(
                settled,
                later,
                "no new records for the re-scraped picture once its own were handled: nothing feeds on its own writes");
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), image("/user/again/profile_pic/image"));
        assertEquals(1, x.pictureRequestsFor("again"), "an archived picture is not downloaded again");
    }

    /** Scrapes {@code marker}, waits until it is archived, and returns how many stream records "again" has by then. */
    private int awaitMarker(String marker) {
        scrape(marker);
        awaitProfile(marker, stored -> stored.get("archived").getAsBoolean());
        return recordsOf("again");
    }

    private static Http.Reply scrape(String handle) {
        var scraped = http.post("/scrape", "{\"handle\":\"" + handle + "\"}");
        assertEquals(200, scraped.status(), scraped.raw().body());
        return scraped;
    }

    /** Polls the stored profile until {@code done} says so, at most {@link #ARCHIVING}. */
    private static JsonObject awaitProfile(String handle, Predicate<JsonObject> done) {
        Instant deadline = Instant.now().plus(ARCHIVING);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            var reply = http.get("/user/" + handle + "/profile_pic");
            if (reply.status() == 200) {
                last = reply.body();
                if (done.test(last)) {
                    return last;
                }
            }
            process.awaitOutputChange(Duration.ofMillis(200));
        }
        return fail(
                handle + " not as expected within " + ARCHIVING.toSeconds() + " s: " + last + "\n" + process.tail());
    }

    /** The image route's redirect, followed by hand: the bytes the presigned URL serves. */
    private static byte[] image(String pathAndQuery) throws Exception {
        HttpResponse<String> redirect = http.redirect(pathAndQuery);
        assertEquals(
                "private, max-age=60",
                redirect.headers().firstValue("Cache-Control").orElse(null));
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        HttpResponse<byte[]> copy = PLAIN.send(
                HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, copy.statusCode(), location.toString());
        assertTrue(copy.headers().firstValue("Content-Type").orElse("").startsWith("image/"), "served as an image");
        return copy.body();
    }

    private static int objectsInBucket() {
        return s3.listObjectsV2(request -> request.bucket(BUCKET)).keyCount();
    }

    /** How many records the picture table's stream holds for {@code key}, read from the oldest. */
    private static int recordsOf(String key) {
        String streamArn = streams.listStreams(request -> request.tableName(TABLE))
                .streams()
                .get(0)
                .streamArn();
        int count = 0;
        for (var shard : streams.describeStream(request -> request.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String iterator = streams.getShardIterator(request -> request.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(
                        request -> request.shardIterator(current).limit(1000));
                for (Record record : page.records()) {
                    if (key.equals(record.dynamodb().keys().get("handle_key").s())) {
                        count++;
                    }
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return count;
    }

    private static void awaitOutput(Predicate<String> line, String what) {
        awaitOutput(line, what, ARCHIVING);
    }

    private static void awaitOutput(Predicate<String> line, String what, Duration within) {
        process.awaitOutput(line, what, within);
    }
}
