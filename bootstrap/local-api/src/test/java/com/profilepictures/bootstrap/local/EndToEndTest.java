package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole service over real HTTP: the local API routed by template.yaml to the real entry classes,
 * DynamoDB on moto, scrapes in headless Chromium against the fixture site. Every response is checked
 * against openapi.yaml by {@link Http}.
 */
@ExtendWith(SharedDynamoDbServer.class)
class EndToEndTest {

    private static final String TABLE = DynamoDbServer.uniqueTableName("e2e");
    private static final ByteArrayOutputStream FUNCTION_LOG = new ByteArrayOutputStream();

    private static FixtureSite x;
    private static LocalApi api;
    private static Http http;
    private static DynamoDbProfilePictureRepository repository;

    @BeforeAll
    static void startTheService(DynamoDbServer dynamoDb) throws Exception {
        x = FixtureSite.start();
        // The entry classes are given their configuration by the local API, built from this environment and
        // the template; the archive function runs from the table's stream here too: its storage on the same moto,
        // X's images from the fixture site (ArchiveEndToEndTest tests archiving itself).
        Environment environment = Environment.current()
                .with(Map.of(
                        "DYNAMODB_ENDPOINT",
                        dynamoDb.endpoint().toString(),
                        "TABLE_NAME",
                        TABLE,
                        "X_BASE_URL",
                        x.baseUrl().toString(),
                        "SCRAPE_TIMEOUT",
                        "PT15S",
                        "BROWSER_POOL_SIZE",
                        "2",
                        "HISTORY_TABLE_NAME",
                        DynamoDbServer.uniqueTableName("e2e-history"),
                        "PICTURE_BUCKET",
                        "e2e-" + java.util.UUID.randomUUID(),
                        "X_IMAGE_BASE_URL",
                        x.baseUrl().toString()));
        api = LocalApi.start(
                RepositoryRoot.path().resolve("template.yaml"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                environment,
                new PrintStream(FUNCTION_LOG, true, StandardCharsets.UTF_8));
        DynamoDbSettings storage = StorageConfiguration.from(environment);
        repository = new DynamoDbProfilePictureRepository(DynamoDbClients.create(storage), TABLE);
        http = new Http(api.baseUrl());
    }

    @AfterAll
    static void stopTheService() {
        if (api != null) {
            api.close();
        }
        if (x != null) {
            x.close();
        }
    }

    @Test
    void scrapeStoresTheOwnersPictureAndGetServesItInAnyCase() {
        var scraped = http.post("/scrape", "{\"handle\": \"JACK\"}");

        assertEquals(200, scraped.status(), scraped.raw().body());
        assertEquals("Jack", scraped.body().get("handle").getAsString(), "the spelling the profile page shows");
        String picture = FixtureSite.pictureUrlOf("jack");
        assertEquals(picture, scraped.body().get("profileUrl").getAsString());
        assertEquals(
                PictureUrl.of(picture).sizes().size(),
                scraped.body().getAsJsonObject("sizes").size());
        Instant scrapedAt = Instant.parse(scraped.body().get("scrapedAt").getAsString());

        var stored = http.get("/user/jAcK/profile_pic");

        assertEquals(200, stored.status());
        assertEquals(picture, stored.body().get("profile_url").getAsString());
        assertEquals("Jack", stored.body().get("handle").getAsString());
        assertEquals(scrapedAt, Instant.parse(stored.body().get("scrapedAt").getAsString()));
        assertTrue(
                FUNCTION_LOG.toString(StandardCharsets.UTF_8).contains(scraped.header("X-Request-Id")),
                "the function logged the request under the id the client saw");
    }

    @Test
    void theCrawlerDecidesWhatXRendersOnItsServerAndTheBrowserOnlyWhatTheAppAloneShows() {
        var crawled = http.post("/scrape", "{\"handle\": \"crawled\"}");
        var rendered = http.post("/scrape", "{\"handle\": \"" + FixtureSite.APP_ONLY + "\"}");

        assertEquals(200, crawled.status(), crawled.raw().body());
        assertEquals("crawler", crawled.body().get("source").getAsString());
        assertEquals(
                FixtureSite.pictureUrlOf("crawled"),
                crawled.body().get("profileUrl").getAsString());
        assertEquals(200, rendered.status(), rendered.raw().body());
        assertEquals("browser", rendered.body().get("source").getAsString());
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.APP_ONLY),
                rendered.body().get("profileUrl").getAsString());
        String log = FUNCTION_LOG.toString(StandardCharsets.UTF_8);
        assertTrue(
                log.lines()
                        .anyMatch(line -> line.contains(rendered.header("X-Request-Id"))
                                && line.contains("\"source\":\"browser\"")
                                && line.contains("\"crawler_undecided\":\"no_profile")),
                "the request log names the source and why the crawler could not tell");
    }

    @Test
    void everyScrapeVerdictHasItsStatusAndCode() {
        record Case(String handle, int status, String code) {}
        for (Case expected : List.of(
                new Case(FixtureSite.NONEXISTENT, 404, "account_not_found"),
                new Case(FixtureSite.SUSPENDED, 410, "account_suspended"),
                new Case(FixtureSite.LOGIN_WALL, 502, "upstream_blocked"),
                new Case(FixtureSite.RATE_LIMITED, 502, "upstream_blocked"),
                new Case(FixtureSite.FOREIGN_PICTURE, 502, "invalid_picture_url"))) {
            var reply = http.post("/scrape", "{\"handle\":\"" + expected.handle() + "\"}");

            assertEquals(
                    expected.status(),
                    reply.status(),
                    expected.handle() + ": " + reply.raw().body());
            assertEquals(expected.code(), reply.error().get("code").getAsString(), expected.handle());
            assertEquals(
                    404, http.get("/user/" + expected.handle() + "/profile_pic").status(), "nothing stored");
        }
    }

    @Test
    void badInputGetsAClear4xxAndChangesNothing() {
        record Case(String description, Http.Reply reply, int status, String code) {}
        List<Case> cases = List.of(
                new Case("no body", http.post("/scrape", ""), 400, "invalid_json"),
                new Case("not JSON", http.post("/scrape", "handle=jack"), 400, "invalid_json"),
                new Case("an array", http.post("/scrape", "[\"jack\"]"), 400, "invalid_json"),
                new Case("a number", http.post("/scrape", "{\"handle\": 42}"), 400, "invalid_handle"),
                new Case("an @", http.post("/scrape", "{\"handle\": \"@jack\"}"), 400, "invalid_handle"),
                new Case("a newline", http.post("/scrape", "{\"handle\": \"jack\\n\"}"), 400, "invalid_handle"),
                new Case(
                        "16 characters",
                        http.post("/scrape", "{\"handle\": \"abcdefghijklmnop\"}"),
                        400,
                        "invalid_handle"),
                new Case("non-ASCII", http.post("/scrape", "{\"handle\": \"jäck\"}"), 400, "invalid_handle"),
                new Case(
                        "over 4 KiB",
                        http.post("/scrape", "{\"handle\":\"jack\",\"pad\":\"" + "x".repeat(5000) + "\"}"),
                        413,
                        "payload_too_large"),
                new Case("bad handle in path", http.get("/user/j%40ck/profile_pic"), 400, "invalid_handle"),
                new Case("never scraped", http.get("/user/nobody_here/profile_pic"), 404, "user_not_found"),
                new Case("limit 0", http.get("/users?limit=0"), 400, "invalid_limit"),
                new Case("limit abc", http.get("/users?limit=abc"), 400, "invalid_limit"),
                new Case(
                        "forged cursor",
                        http.get("/users?lastKey="
                                + URLEncoder.encode("{\"handle_key\":\"x\"}", StandardCharsets.UTF_8)),
                        400,
                        "invalid_cursor"),
                new Case("no such route", http.get("/nope"), 404, "route_not_found"),
                new Case("no such method", http.send("DELETE", "/users"), 404, "route_not_found"));

        for (Case expected : cases) {
            assertEquals(
                    expected.status(),
                    expected.reply().status(),
                    expected.description() + ": " + expected.reply().raw().body());
            assertEquals(expected.code(), expected.reply().error().get("code").getAsString(), expected.description());
            assertTrue(!expected.reply().error().get("message").getAsString().isBlank(), expected.description());
        }
        assertEquals(404, http.get("/user/jack_/profile_pic").status());
    }

    @Test
    void pagingFiftyUsersSevenAtATimeReturnsEachExactlyOnce() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String handle = "Paged_" + i;
            repository.saveIfNewer(new ProfilePicture(
                    Handle.of(handle),
                    PictureUrl.of("https://pbs.twimg.com/profile_images/" + (1000 + i) + "/p_400x400.jpg"),
                    Instant.now()));
            seeded.add(handle);
        }

        List<String> walked = new ArrayList<>();
        String lastKey = "";
        int pages = 0;
        do {
            var page = http.get("/users?limit=7" + (lastKey.isEmpty() ? "" : "&lastKey=" + lastKey));
            assertEquals(200, page.status(), page.raw().body());
            assertTrue(page.body().getAsJsonArray("users").size() <= 7);
            for (JsonElement user : page.body().getAsJsonArray("users")) {
                walked.add(user.getAsJsonObject().get("handle").getAsString());
                assertNotNull(user.getAsJsonObject().get("profile_url").getAsString());
            }
            lastKey = page.body().get("lastKey").getAsString();
            pages++;
        } while (!lastKey.isEmpty() && pages < 100);

        assertEquals(walked.size(), new HashSet<>(walked).size(), "no user twice: " + walked);
        assertTrue(walked.containsAll(seeded), "every user once");
        assertTrue(pages >= 8, "50 users take at least 8 pages of 7, took " + pages);
    }

    @Test
    void concurrentScrapesOfDifferentHandlesEachGetTheirOwnPicture() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<String> handles = List.of("alice", "bob", "carol", "dave");
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (String handle : handles) {
                Callable<Http.Reply> scrape = () -> http.post("/scrape", "{\"handle\":\"" + handle + "\"}");
                replies.add(clients.submit(scrape));
            }

            for (int i = 0; i < handles.size(); i++) {
                var reply = replies.get(i).get();
                assertEquals(200, reply.status(), reply.raw().body());
                assertEquals(
                        FixtureSite.pictureUrlOf(handles.get(i)),
                        reply.body().get("profileUrl").getAsString());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void browsersMayAskBeforeTheyPost() {
        var preflight = http.unchecked("OPTIONS", "/scrape");

        assertEquals(204, preflight.statusCode());
        assertEquals(
                "*",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("POST"));
    }
}
