package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.ApiGatewayEvents.scrape;
import static com.profilepictures.adapters.lambda.ApiGatewayEvents.scrapeBase64;
import static com.profilepictures.adapters.lambda.ApiGatewayEvents.scrapeOf;
import static com.profilepictures.adapters.lambda.ApiGatewayEvents.utf8;
import static com.profilepictures.adapters.lambda.Responses.assertError;
import static com.profilepictures.adapters.lambda.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.google.gson.JsonObject;
import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeStep;
import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScrapeHandlerTest {

    private static final String PICTURE =
            "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_normal.jpg";
    private static final String PICTURE_400 =
            "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg";
    private static final String EARLIER_PICTURE = "https://pbs.twimg.com/profile_images/1/earlier_400x400.png";
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");

    private static final ScrapeVerdict.Undecided NO_PROFILE =
            new ScrapeVerdict.Undecided(ScrapeVerdict.Undecided.Cause.NO_PROFILE, "no ProfilePage block");

    private final FakeProfilePictureScraper crawler = new FakeProfilePictureScraper().otherwise(NO_PROFILE);
    private final FakeProfilePictureScraper scraper = new FakeProfilePictureScraper();
    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ScrapeHandler handler = handlerWithBrowser(scraper);
    private final TestContext context = new TestContext();

    @Test
    void givenAProfileWithAPicture_scrape_answersTheStoredPictureInTheContractsShape() {
        scraper.withPicture("Jack", PICTURE);

        var response = handler.handle(ApiGatewayEvents.load("scrape.json"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        Responses.assertBody("scraped-picture.json", response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals(ApiGatewayEvents.SCRAPE_REQUEST_ID, response.getHeaders().get("X-Request-Id"));
        assertEquals(
                "Jack",
                repository.find(Handle.of("jack")).orElseThrow().handle().display());
    }

    @Test
    void givenTheSamePictureArchivedBefore_aNewScrape_answersItStillArchived() {
        scraper.withPicture("Jack", PICTURE);
        Handle jack = Handle.of("Jack");
        repository.saveIfNewer(new ProfilePicture(jack, PictureUrl.of(PICTURE_400), NOW.minusSeconds(60)));
        repository.markArchived(jack, new ArchiveMark(PictureUrl.of(PICTURE_400), ImageVersion.of("ab".repeat(32))));

        JsonObject body = json(handler.handle(scrapeOf("jack"), context));

        assertTrue(body.get("archived").getAsBoolean(), body.toString());
        assertEquals(
                "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/user/Jack/profile_pic/image",
                body.get("image").getAsString());
    }

    @Test
    void givenTheSamePictureStoredBefore_aNewScrape_answersItsFirstSeenTimeAndThisCheck_andLogsAChecked() {
        scraper.withPicture("Jack", PICTURE);
        Handle jack = Handle.of("Jack");
        repository.saveIfNewer(new ProfilePicture(jack, PictureUrl.of(PICTURE_400), NOW.minusSeconds(60)));

        var response = handler.handle(scrapeOf("jack"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonObject body = json(response);
        assertEquals(PICTURE_400, body.get("profileUrl").getAsString());
        assertEquals("2026-11-28T03:59:00.000Z", body.get("scrapedAt").getAsString(), "when it was first seen");
        assertEquals("2026-11-28T04:00:00.000Z", body.get("checkedAt").getAsString());
        assertEquals("active", body.get("accountStatus").getAsString());
        assertEquals("checked", context.onlyLogLine().get("verdict").getAsString());
        assertEquals(NOW.minusSeconds(60), repository.find(jack).orElseThrow().scrapedAt());
    }

    @Test
    void givenAnotherPictureArchivedBefore_aScrapeOfANewOne_answersItNotArchivedYet() {
        scraper.withPicture("Jack", PICTURE);
        Handle jack = Handle.of("Jack");
        repository.saveIfNewer(new ProfilePicture(jack, PictureUrl.of(EARLIER_PICTURE), NOW.minusSeconds(60)));
        repository.markArchived(
                jack, new ArchiveMark(PictureUrl.of(EARLIER_PICTURE), ImageVersion.of("ab".repeat(32))));

        JsonObject body = json(handler.handle(scrapeOf("jack"), context));

        assertEquals(PICTURE_400, body.get("profileUrl").getAsString());
        assertFalse(body.get("archived").getAsBoolean(), body.toString());
    }

    @Test
    void givenAnEventWithoutHostOrDomainName_scrape_storesThePictureAndAnswersWithARelativeLink() {
        // A console test event or a direct invoke: no Host header, no domain name in the request context.
        scraper.withPicture("Jack", PICTURE);
        var event = scrapeOf("jack");
        event.setHeaders(null);
        event.setMultiValueHeaders(null);
        event.getRequestContext().setDomainName(null);

        var response = handler.handle(event, context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(
                "/Prod/user/Jack/profile_pic/image", json(response).get("image").getAsString());
        assertEquals(
                PICTURE, repository.find(Handle.of("jack")).orElseThrow().url().value());
    }

    @Test
    void givenMicroseconds_scrape_answersScrapedAtWithExactlyThreeFractionDigits() {
        scraper.withPicture("jack", PICTURE);
        clock.set(Instant.parse("2026-11-28T04:00:00.120456Z"));

        var response = handler.handle(scrapeOf("jack"), context);

        assertEquals("2026-11-28T04:00:00.120Z", json(response).get("scrapedAt").getAsString());
    }

    @Test
    void givenABase64EncodedBody_scrape_decodesItAndIgnoresExtraFields() {
        scraper.withPicture("jack", PICTURE);

        var response = handler.handle(ApiGatewayEvents.load("scrape-base64.json"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("jack", json(response).get("handle").getAsString());
    }

    @Test
    void givenANewerPictureStoredWhileScraping_scrape_answers200WithTheNewerStoredOne() {
        var newer = new ProfilePicture(Handle.of("Jack"), PictureUrl.of(EARLIER_PICTURE), NOW.plusSeconds(5));
        repository.saveIfNewer(newer);
        scraper.withPicture("jack", PICTURE);

        var response = handler.handle(scrapeOf("jack"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonObject body = json(response);
        assertEquals("Jack", body.get("handle").getAsString());
        assertEquals(EARLIER_PICTURE, body.get("profileUrl").getAsString());
        assertEquals("2026-11-28T04:00:05.000Z", body.get("scrapedAt").getAsString());
        assertEquals("kept_newer", context.onlyLogLine().get("verdict").getAsString());
        assertEquals(newer, repository.find(Handle.of("jack")).orElseThrow());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ScrapeVerdict.AccountNotFound("This account doesn’t exist"), 404, "account_not_found"),
                Arguments.of(new ScrapeVerdict.AccountSuspended("Account suspended"), 410, "account_suspended"),
                Arguments.of(new ScrapeVerdict.Blocked("redirected to /i/flow/login"), 502, "upstream_blocked"),
                Arguments.of(
                        new ScrapeVerdict.UpstreamUnreachable("net::ERR_NAME_NOT_RESOLVED"),
                        502,
                        "upstream_unreachable"),
                Arguments.of(new ScrapeVerdict.UpstreamMismatch("showed @Someone_Else"), 502, "upstream_mismatch"),
                Arguments.of(
                        new ScrapeVerdict.InvalidPictureUrl("https://evil.example/a.jpg"), 502, "invalid_picture_url"),
                Arguments.of(new ScrapeVerdict.TimedOut("no verdict in PT20S"), 504, "upstream_timeout"),
                Arguments.of(
                        new ScrapeVerdict.CredentialsRefused("HTTP 401 from X's API"), 503, "credentials_refused"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void givenAFailedScrape_scrape_answersItsCodeAndLeavesTheEarlierPictureAsItWas(
            ScrapeVerdict.Failure failure, int status, String code) {
        var earlier = new ProfilePicture(Handle.of("jack"), PictureUrl.of(EARLIER_PICTURE), NOW.minusSeconds(60));
        repository.saveIfNewer(earlier);
        scraper.withVerdict("jack", failure);
        clock.advance(Duration.ofMinutes(1));

        var response = handler.handle(scrapeOf("jack"), context);

        String message = assertError(response, status, code);
        assertFalse(message.contains(failure.detail()), "the scraper's detail is for the log, not the client");
        // Only our own configuration's failure says when to retry: when X's API is asked again after its pause.
        assertEquals(status == 503 ? "300" : null, response.getHeaders().get("Retry-After"));
        assertEquals(earlier, repository.find(Handle.of("jack")).orElseThrow());
        JsonObject log = context.onlyLogLine();
        assertEquals(code, log.get("verdict").getAsString());
        assertEquals(failure.detail(), log.get("detail").getAsString());
        assertEquals(
                "{\"Scrapes\":1}", log.getAsJsonObject("metrics").get("values").toString());
    }

    @Test
    void givenABrokenBrowser_scrape_answers503WithRetryAfter() {
        scraper.breakBrowser();

        var response = handler.handle(scrapeOf("jack"), context);

        assertError(response, 503, "scraper_unavailable");
        assertEquals("5", response.getHeaders().get("Retry-After"));
    }

    @Test
    void givenTheStoreDown_scrape_answers503WithRetryAfter() {
        scraper.withPicture("jack", PICTURE);
        repository.goDown();

        var response = handler.handle(scrapeOf("jack"), context);

        assertError(response, 503, "storage_unavailable");
        assertEquals("10", response.getHeaders().get("Retry-After"));
        assertTrue(Long.parseLong(response.getHeaders().get("Retry-After")) > 0);
    }

    @Test
    void givenABug_scrape_answers500WithoutTheExceptionAndLogsItUnderTheRequestId() {
        var buggyHandler = handlerWithBrowser((handle, deadline) -> {
            throw new IllegalStateException("NullPointerException at com.profilepictures.Secret.line(Secret.java:42)");
        });

        var response = buggyHandler.handle(scrapeOf("jack"), context);

        String message = assertError(response, 500, "internal_error");
        assertFalse(message.contains("Secret"));
        JsonObject log = context.onlyLogLine();
        assertEquals(ApiGatewayEvents.SCRAPE_REQUEST_ID, log.get("requestId").getAsString());
        assertEquals("internal_error", log.get("code").getAsString());
        assertEquals(IllegalStateException.class.getName(), log.get("exception").getAsString());
        assertTrue(log.get("where").getAsString().contains("ScrapeHandlerTest"), log.toString());
        assertFalse(log.has("stackTrace"));
        assertEquals("ERROR", log.get("level").getAsString());
    }

    @ParameterizedTest
    @Events(folder = "events/bad-scrape-bodies", type = APIGatewayProxyRequestEvent.class)
    void givenABodyThatIsNotAJsonObject_scrape_answersInvalidJson(APIGatewayProxyRequestEvent event) {
        scraper.withPicture("jack", PICTURE);

        var response = handler.handle(event, context);

        assertError(response, 400, "invalid_json");
        assertTrue(scraper.requested().isEmpty(), "nothing is scraped for a bad body");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sixteen_chars_xx",
                "jäck",
                "jack\n",
                "@jack",
                " jack",
                "jack ",
                "ja-ck",
                "ja.ck",
                "ｊａｃｋ",
                "jack\u0000"
            })
    void givenAStringThatIsNoHandle_scrape_answersInvalidHandleWithTheDomainsMessage(String handle) {
        String body = new com.google.gson.Gson().toJson(java.util.Map.of("handle", handle));

        var response = handler.handle(scrape(body), context);

        String message = assertError(response, 400, "invalid_handle");
        assertEquals(
                assertThrows(InvalidHandleException.class, () -> Handle.of(handle))
                        .getMessage(),
                message);
        assertTrue(scraper.requested().isEmpty());
    }

    @Test
    void givenAHandleEndingInANewline_scrape_rejectsItEvenAsARawJsonEscape() {
        var response = handler.handle(scrape("{\"handle\": \"jack\\n\"}"), context);

        assertError(response, 400, "invalid_handle");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"handle\": null}",
                "{\"Handle\": \"jack\"}",
                "{\"handle\": 42}",
                "{\"handle\": {\"name\": \"jack\"}}",
                "{\"handle\": [\"jack\"]}",
                "{\"handle\": true}",
                "{\"user\": {\"handle\": \"jack\"}}"
            })
    void givenAHandleMissingOrNotAString_scrape_answersInvalidHandle(String body) {
        var response = handler.handle(scrape(body), context);

        assertError(response, 400, "invalid_handle");
        assertTrue(scraper.requested().isEmpty());
    }

    @Test
    void givenABodyOfExactly4KiB_scrape_acceptsIt() {
        scraper.withPicture("jack", PICTURE);
        String body = bodyOfBytes(ScrapeRequestBody.MAX_BODY_BYTES);

        assertEquals(200, handler.handle(scrape(body), context).getStatusCode());
        assertEquals(200, handler.handle(scrapeBase64(utf8(body)), context).getStatusCode());
    }

    @Test
    void givenABodyOver4KiB_scrape_refusesItBeforeParsingIt() {
        scraper.withPicture("jack", PICTURE);
        String tooLarge = bodyOfBytes(ScrapeRequestBody.MAX_BODY_BYTES + 1);
        // Not even JSON: the size is checked first, so the answer is 413, not 400.
        String hugeGarbage = "x".repeat(1_000_000);

        assertError(handler.handle(scrape(tooLarge), context), 413, "payload_too_large");
        assertError(handler.handle(scrape(hugeGarbage), context), 413, "payload_too_large");
        assertTrue(scraper.requested().isEmpty());
    }

    @Test
    void givenABase64Body_scrape_measuresItDecoded() {
        scraper.withPicture("jack", PICTURE);

        assertError(handler.handle(scrapeBase64(utf8(bodyOfBytes(4097))), context), 413, "payload_too_large");
        assertError(handler.handle(scrapeBase64(new byte[1_000_000]), context), 413, "payload_too_large");
    }

    @Test
    void givenMultiByteCharacters_scrape_measuresTheBodyInBytes() {
        // 2,100 characters, but 4,200+ bytes in UTF-8.
        String body = "{\"handle\": \"jack\", \"note\": \"" + "é".repeat(2_080) + "\"}";

        assertTrue(body.length() < ScrapeRequestBody.MAX_BODY_BYTES);
        assertError(handler.handle(scrape(body), context), 413, "payload_too_large");
    }

    @Test
    void givenAStoredScrape_scrape_logsTheVerdictAndNeverTheBody() {
        scraper.withPicture("Jack", PICTURE);
        scraper.withVerdict("slowpoke", new ScrapeVerdict.Found(Handle.of("SlowPoke"), PictureUrl.of(PICTURE)));
        var slowHandler = handlerWithBrowser((handle, deadline) -> {
            clock.advance(Duration.ofMillis(1_500));
            return scraper.scrape(handle, deadline);
        });

        slowHandler.handle(scrape("{\"handle\": \"slowpoke\", \"password\": \"hunter2\"}"), context);

        JsonObject log = context.onlyLogLine();
        assertEquals(ApiGatewayEvents.SCRAPE_REQUEST_ID, log.get("requestId").getAsString());
        assertEquals("POST", log.get("method").getAsString());
        assertEquals("/scrape", log.get("route").getAsString());
        assertEquals(200, log.get("status").getAsInt());
        assertEquals(1_500, log.get("durationMs").getAsLong());
        assertEquals(NOW.toString(), log.get("timestamp").getAsString(), "when the request came");
        assertEquals("slowpoke", log.get("handle").getAsString());
        assertEquals("stored", log.get("verdict").getAsString());
        assertEquals("browser", log.get("source").getAsString());
        assertEquals(
                "{\"dimensions\":[\"source\",\"verdict\"],\"values\":{\"Scrapes\":1}}",
                log.get("metrics").toString(),
                "one scrape, counted by its source and verdict (bounded sets, never the handle)");
        assertEquals(
                "no_profile: no ProfilePage block", log.get("crawler_undecided").getAsString());
        assertFalse(context.lines().get(0).message().contains("hunter2"));
        assertFalse(context.lines().get(0).message().contains("\n"), "one line");
    }

    @Test
    void givenARejectedBody_scrape_logsNothingOfIt() {
        String body = "{\"handle\": \"hunter2-is-my-password\"}";

        handler.handle(scrape(body), context);

        JsonObject log = context.onlyLogLine();
        assertEquals(400, log.get("status").getAsInt());
        assertEquals("invalid_handle", log.get("code").getAsString());
        assertFalse(context.lines().get(0).message().contains("hunter2"));
    }

    @Test
    void givenTheCrawlerDecides_scrape_answersWithSourceCrawlerAndLogsNoUndecidedCause() {
        crawler.withPicture("Jack", PICTURE);

        var response = handler.handle(scrapeOf("jack"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("crawler", json(response).get("source").getAsString());
        JsonObject log = context.onlyLogLine();
        assertEquals("crawler", log.get("source").getAsString());
        assertFalse(log.has("crawler_undecided"));
        assertTrue(scraper.requested().isEmpty(), "the browser is not asked");
    }

    private ScrapeHandler handlerWithBrowser(ProfilePictureScraper browser) {
        var useCase = new ScrapeProfilePicture(
                List.of(
                        ScrapeStep.within(ScrapeSource.CRAWLER, crawler, Duration.ofSeconds(3)),
                        ScrapeStep.withTheRest(ScrapeSource.BROWSER, browser)),
                Duration.ofSeconds(20),
                repository,
                clock);
        return new ScrapeHandler(useCase, clock);
    }

    /** A valid scrape body of exactly {@code size} bytes. */
    private static String bodyOfBytes(int size) {
        String start = "{\"handle\": \"jack\", \"padding\": \"";
        String end = "\"}";
        String body = start + "p".repeat(size - start.length() - end.length()) + end;
        assertEquals(size, utf8(body).length);
        return body;
    }
}
