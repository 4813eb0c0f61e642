package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The refresh through {@code make run}, read from the template: the planner every {@code REFRESH_EVERY}, the
 * workers on moto's SQS, the crawler as the browserless source. One process serves every case, each on accounts
 * of its own: a picture changed on X is stored and archived with no client call; an account only the browser can
 * tell is checked again through the browser's queue, and no browser asks for an account the crawler decides; a
 * 429 from X pauses the whole refresh and loses nothing; a poison message ends in the dead-letter queue; an
 * account that disappears keeps its picture and says so. The moto is the test's, so that it can read the table
 * and use the queues; {@code QUEUE_VISIBILITY_TIMEOUT} brings a failed message back within seconds.
 */
class RefreshEndToEndTest {

    @RegisterExtension
    static final MakeRun MAKE_RUN = new MakeRun();

    private static final Duration REFRESH_AFTER = Duration.ofSeconds(2);
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);
    /** What the issue allows a change to take, and more for what goes through a browser on a loaded machine. */
    private static final Duration PATIENCE = REFRESH_AFTER.plus(REFRESH_EVERY).plusSeconds(30);

    private static final Duration BROWSER_PATIENCE = PATIENCE.plusSeconds(60);
    private static final String TABLE = "profile-pictures";

    private static FixtureSite x;
    private static MotoServer moto;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static MakeRun.Started run;
    private static Http http;

    @BeforeAll
    static void startTheService() throws Exception {
        x = FixtureSite.start(Duration.ofMillis(100));
        Path workDir = Files.createTempDirectory("refresh-e2e");
        moto = MotoServer.start(workDir.resolve("moto.log"));
        URI endpoint = moto.endpoint();
        dynamoDb = DynamoDbClients.create(
                new DynamoDbSettings(TABLE, "us-east-1", Optional.of(endpoint), CredentialsSource.DUMMY));
        sqs = SqsClients.create(new SqsSettings(
                URI.create(endpoint + "/000000000000/unused"),
                "us-east-1",
                Optional.of(endpoint),
                CredentialsSource.DUMMY));
        run = MAKE_RUN.start(
                workDir,
                Map.ofEntries(
                        Map.entry("PORT", "0"),
                        Map.entry("DYNAMODB_ENDPOINT", endpoint.toString()),
                        Map.entry("SQS_ENDPOINT", endpoint.toString()),
                        Map.entry("X_BASE_URL", x.baseUrl().toString()),
                        Map.entry("X_IMAGE_BASE_URL", x.baseUrl().toString()),
                        Map.entry("SCRAPE_TIMEOUT", "PT15S"),
                        Map.entry("REFRESH_AFTER", REFRESH_AFTER.toString()),
                        Map.entry("REFRESH_EVERY", REFRESH_EVERY.toString()),
                        Map.entry("REFRESH_X_REQUESTS_PER_MINUTE", "6000"),
                        // X unavailable for a moment (the 429 case's pages, for the browser) is asked again soon.
                        Map.entry("REFRESH_RETRY_DELAY", "PT2S"),
                        Map.entry("QUEUE_VISIBILITY_TIMEOUT", "PT2S")));
        http = new Http(run.awaitReady(Duration.ofSeconds(120)));
    }

    @AfterAll
    static void stopTheService() {
        if (run != null) {
            run.close(); // before the servers it uses stop
        }
        for (AutoCloseable closeable : new AutoCloseable[] {dynamoDb, sqs, moto, x}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one still stops
            }
        }
    }

    @Test
    void aPictureChangedOnX_isStoredAndArchivedWithNoClientCall_andNoBrowserAsksForIt() throws Exception {
        JsonObject scraped = scrape("jack", "crawler");
        String changed = x.changePicture("jack");

        JsonObject stored = awaitProfile(
                "jack",
                PATIENCE,
                profile -> profile.get("profile_url").getAsString().equals(changed)
                        && profile.get("archived").getAsBoolean());

        assertEquals("active", stored.get("accountStatus").getAsString());
        assertTrue(
                Instant.parse(stored.get("scrapedAt").getAsString())
                        .isAfter(Instant.parse(scraped.get("scrapedAt").getAsString())),
                "a new picture is first seen when the refresh found it: " + stored);
        assertEquals(0, x.browserPageRequestsFor("jack"), "the crawler decided it: no browser asked for its page");
    }

    @Test
    void anAccountTheCrawlerDecides_isCheckedAgainWithoutABrowser() throws Exception {
        JsonObject scraped = scrape("plainjane", "crawler");

        JsonObject checked = awaitProfile("plainjane", PATIENCE, RefreshEndToEndTest::checkedSinceFirstSeen);

        assertEquals(
                scraped.get("scrapedAt").getAsString(), checked.get("scrapedAt").getAsString());
        assertEquals(
                scraped.get("profileUrl").getAsString(),
                checked.get("profile_url").getAsString());
        assertEquals(0, x.browserPageRequestsFor("plainjane"), "no browser asked for its page");
    }

    @Test
    void anAccountOnlyTheBrowserCanTell_isCheckedAgainThroughTheBrowsersQueue() throws Exception {
        String appOnly = FixtureSite.APP_ONLY + "4";
        JsonObject scraped = scrape(appOnly, "browser");
        int browserAskedAtTheScrape = x.browserPageRequestsFor(appOnly);

        JsonObject checked = awaitProfile(appOnly, BROWSER_PATIENCE, RefreshEndToEndTest::checkedSinceFirstSeen);

        assertEquals(
                scraped.get("scrapedAt").getAsString(),
                checked.get("scrapedAt").getAsString(),
                "the same picture keeps when it was first seen");
        assertEquals("active", checked.get("accountStatus").getAsString());
        assertTrue(x.browserPageRequestsFor(appOnly) > browserAskedAtTheScrape, "a browser checked it again");
    }

    @Test
    void aRateLimitFromX_pausesTheWholeRefreshUntilItsReset_andTheAccountIsRefreshedAfter() throws Exception {
        scrape("patient", "crawler");
        int limitedBefore = x.rateLimitedAnswers();
        Instant reset = Instant.now().plusSeconds(8);

        x.rateLimitUntil(reset);

        JsonObject after = awaitProfile(
                "patient",
                PATIENCE.plusSeconds(30),
                profile -> Instant.parse(profile.get("checkedAt").getAsString()).isAfter(reset));
        assertTrue(x.rateLimitedAnswers() > limitedBefore, "the refresh met the rate limit");
        Map<String, AttributeValue> pause = dynamoDb.getItem(request -> request.tableName(TABLE)
                        .key(Map.of("handle_key", AttributeValue.fromS("~refresh-pause")))
                        .consistentRead(true))
                .item();
        assertTrue(pause.containsKey("paused_until"), "the pause is shared through the table: " + pause);
        Instant pausedUntil =
                Instant.ofEpochMilli(Long.parseLong(pause.get("paused_until").n()));
        assertFalse(pausedUntil.isBefore(reset.minusSeconds(1)), "paused until X's reset: " + pausedUntil);
        assertEquals("active", after.get("accountStatus").getAsString());
    }

    @Test
    void aPoisonMessage_endsInTheDeadLetterQueue() throws Exception {
        String queue =
                sqs.getQueueUrl(request -> request.queueName("RefreshQueue")).queueUrl();
        String deadLetters = sqs.getQueueUrl(request -> request.queueName("RefreshDeadLetterQueue"))
                .queueUrl();
        String poison = "not a handle: " + UUID.randomUUID();

        sqs.sendMessage(request -> request.queueUrl(queue).messageBody(poison));

        // Five receives (the template's maxReceiveCount), each failed, two seconds apart at least.
        long deadline = System.nanoTime() + PATIENCE.plusSeconds(30).toNanos();
        while (true) {
            List<Message> got = sqs.receiveMessage(request ->
                            request.queueUrl(deadLetters).waitTimeSeconds(0).maxNumberOfMessages(10))
                    .messages();
            if (got.stream().anyMatch(message -> message.body().equals(poison))) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                fail("the poison message is not in RefreshDeadLetterQueue:\n" + run.tail());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    @Test
    void anAccountThatDisappears_keepsItsPicture_andSaysItIsGoneOrSuspended() throws Exception {
        JsonObject gone = scrape("vanishing", "crawler");
        JsonObject suspended = scrape("banished", "crawler");

        x.closeAccount("vanishing", false);
        x.closeAccount("banished", true);

        JsonObject goneNow = awaitProfile(
                "vanishing",
                BROWSER_PATIENCE,
                profile -> profile.get("accountStatus").getAsString().equals("not_found"));
        JsonObject suspendedNow = awaitProfile(
                "banished",
                BROWSER_PATIENCE,
                profile -> profile.get("accountStatus").getAsString().equals("suspended"));
        for (JsonObject[] account : new JsonObject[][] {{gone, goneNow}, {suspended, suspendedNow}}) {
            assertEquals(
                    account[0].get("profileUrl").getAsString(),
                    account[1].get("profile_url").getAsString(),
                    "the picture stays");
            assertEquals(
                    account[0].get("scrapedAt").getAsString(),
                    account[1].get("scrapedAt").getAsString());
            assertTrue(checkedSinceFirstSeen(account[1]), account[1].toString());
        }
    }

    /** {@code POST /scrape} of {@code handle}, which {@code source} decides. */
    private static JsonObject scrape(String handle, String source) {
        Http.Reply scraped = http.post("/scrape", "{\"handle\":\"" + handle + "\"}");
        assertEquals(200, scraped.status(), scraped.raw().body() + "\n" + run.tail());
        assertEquals(
                source,
                scraped.body().get("source").getAsString(),
                scraped.raw().body());
        return scraped.body();
    }

    private static boolean checkedSinceFirstSeen(JsonObject profile) {
        return !profile.get("checkedAt")
                .getAsString()
                .equals(profile.get("scrapedAt").getAsString());
    }

    /** {@code GET /user/{handle}/profile_pic} until its body is {@code wanted}; fails after {@code patience}. */
    private static JsonObject awaitProfile(String handle, Duration patience, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Http.Reply profile = http.get("/user/" + handle + "/profile_pic");
            if (profile.status() == 200 && wanted.test(profile.body())) {
                return profile.body();
            }
            if (System.nanoTime() - deadline > 0) {
                fail("after " + patience + ": " + handle + " " + profile.status() + " "
                        + profile.raw().body() + "\n" + run.tail());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }
}
