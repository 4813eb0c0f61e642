package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.fixturesite.FixtureSite;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * X's API as the first source, end to end through {@code make run}'s process with the environment an operator
 * sets ({@code X_API_BASE_URL}, {@code X_API_BEARER_TOKEN}) and no {@code SCRAPE_SOURCES} (automatic): with the
 * token the stand-in accepts, a scrape is decided by exactly one API request and no page load; with a token it
 * refuses, the page decides and one log line says X's API refused. Every answer is checked against openapi.yaml.
 */
@ExtendWith(SharedDynamoDbServer.class)
class XApiEndToEndTest {

    private static final String REJECTED_TOKEN = "a-token-x-does-not-know-42";

    private static FixtureSite x;
    private static LocalApiRun accepted;
    private static LocalApiRun rejected;
    private static Http withToken;
    private static Http withRejectedToken;

    @BeforeAll
    static void startTheService(DynamoDbServer dynamoDb) throws Exception {
        x = FixtureSite.start(Duration.ofMillis(100));
        // Both start at once: each is its own JVM, with its own token.
        accepted = LocalApiRun.start(
                Files.createTempDirectory("x-api-e2e"), environment(dynamoDb, FixtureSite.X_API_TOKEN));
        rejected = LocalApiRun.start(Files.createTempDirectory("x-api-e2e"), environment(dynamoDb, REJECTED_TOKEN));
        withToken = new Http(accepted.awaitReady());
        withRejectedToken = new Http(rejected.awaitReady());
    }

    private static Map<String, String> environment(DynamoDbServer dynamoDb, String token) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        environment.put("TABLE_NAME", DynamoDbServer.uniqueTableName("x-api-e2e"));
        environment.put("HISTORY_TABLE_NAME", DynamoDbServer.uniqueTableName("x-api-e2e-history"));
        environment.put("PICTURE_BUCKET", "x-api-e2e-" + UUID.randomUUID());
        environment.putAll(FixtureX.variables(x));
        environment.put("X_API_BASE_URL", x.baseUrl().toString());
        environment.put("X_API_BEARER_TOKEN", token);
        environment.put("SCRAPE_TIMEOUT", "PT15S");
        return environment;
    }

    @AfterAll
    static void stopTheService() throws Exception {
        for (LocalApiRun run : new LocalApiRun[] {accepted, rejected}) {
            if (run != null) {
                run.close();
            }
        }
        if (x != null) {
            x.close();
        }
    }

    @Test
    void withTheToken_aScrapeIsDecidedByOneApiRequestAndNoPageLoad() {
        int requestsBefore = x.xApiRequests().size();
        int pagesBefore = x.pageRequestCount();

        var scraped = withToken.post("/scrape", "{\"handle\":\"APIUSER\"}");

        assertEquals(200, scraped.status(), scraped.raw().body() + "\n" + accepted.output());
        assertEquals("x_api", scraped.body().get("source").getAsString());
        assertEquals("Apiuser", scraped.body().get("handle").getAsString());
        assertEquals(
                FixtureSite.pictureUrlOf("apiuser"),
                scraped.body().get("profileUrl").getAsString());
        List<List<String>> requests = x.xApiRequests();
        assertEquals(List.of(List.of("APIUSER")), requests.subList(requestsBefore, requests.size()));
        assertEquals(pagesBefore, x.pageRequestCount(), "no page was loaded");
    }

    @Test
    void withTheToken_anAccountOnlyABrowserCouldReadIsReadWithoutOne() {
        int pagesBefore = x.pageRequestCount();

        var scraped = withToken.post("/scrape", "{\"handle\":\"" + FixtureSite.APP_ONLY + "\"}");

        assertEquals(200, scraped.status(), scraped.raw().body());
        assertEquals("x_api", scraped.body().get("source").getAsString());
        assertEquals(pagesBefore, x.pageRequestCount(), "no page was loaded");
    }

    @Test
    void withTheToken_xsApiSaysAnAccountDoesNotExist() {
        var scraped = withToken.post("/scrape", "{\"handle\":\"" + FixtureSite.NONEXISTENT + "\"}");

        assertEquals(404, scraped.status(), scraped.raw().body());
        assertEquals(
                "account_not_found",
                scraped.body().getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void withARejectedToken_thePageDecidesAndOneLineSaysXsApiRefused() {
        var first = withRejectedToken.post("/scrape", "{\"handle\":\"refusedfirst\"}");
        int requestsAfterFirst = x.xApiRequests().size();
        var second = withRejectedToken.post("/scrape", "{\"handle\":\"refusedsecond\"}");

        assertEquals(200, first.status(), first.raw().body() + "\n" + rejected.output());
        assertEquals("crawler", first.body().get("source").getAsString());
        assertEquals(200, second.status(), second.raw().body());
        assertEquals("crawler", second.body().get("source").getAsString());
        assertEquals(requestsAfterFirst, x.xApiRequests().size(), "X's API is not asked again while paused");
        List<String> refusals = rejected.lines().stream()
                .filter(line -> line.contains("x_api paused: HTTP 401"))
                .toList();
        assertEquals(1, refusals.size(), rejected.output());
        assertFalse(rejected.output().contains(REJECTED_TOKEN), "the token is in no log line");
    }
}
