package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.Responses.assertError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.profilepictures.application.GetProfilePicture;
import com.profilepictures.application.ListProfilePictures;
import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.ScrapeUseCases;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.refresh.DuePage;
import com.profilepictures.domain.refresh.DueRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every route: headers, the request id, the error shape, the log line, no leaks. */
class EveryResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");

    /** A repository with a bug in it: every call fails with a message that must never reach a client. */
    private static final class BuggyRepository implements ProfilePictureRepository {
        @Override
        public SaveOutcome saveIfNewer(ProfilePicture picture) {
            throw bug();
        }

        @Override
        public Optional<ProfilePicture> find(Handle handle) {
            throw bug();
        }

        @Override
        public Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
            throw bug();
        }

        @Override
        public boolean markArchived(Handle handle, ArchiveMark mark) {
            throw bug();
        }

        @Override
        public boolean markNotArchivable(Handle handle, PictureUrl picture) {
            throw bug();
        }

        @Override
        public CheckOutcome recordSamePicture(Handle handle, PictureUrl picture, Instant checkedAt) {
            throw bug();
        }

        @Override
        public CheckOutcome recordAccountStatus(Handle handle, AccountStatus status, Instant checkedAt) {
            throw bug();
        }

        @Override
        public DuePage findDue(DueRequest request) {
            throw bug();
        }

        @Override
        public boolean markQueued(Handle handle, Instant now, Instant until) {
            throw bug();
        }

        private static RuntimeException bug() {
            return new IllegalStateException(
                    "java.lang.NullPointerException at com.profilepictures.Secret(Secret.java:7)");
        }
    }

    private record Route(
            String name,
            BiFunction<APIGatewayProxyRequestEvent, Context, APIGatewayProxyResponseEvent> handler,
            APIGatewayProxyRequestEvent event,
            String requestId) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Route> routes(ProfilePictureRepository repository) {
        var clock = new MutableClock(NOW);
        var scraper = new FakeProfilePictureScraper()
                .withPicture("jack", "https://pbs.twimg.com/profile_images/1/jack_normal.jpg");
        var scrape = new ScrapeHandler(ScrapeUseCases.browserOnly(scraper, repository, clock), clock);
        var get = new GetProfilePictureHandler(new GetProfilePicture(repository), clock);
        var list = new ListProfilePicturesHandler(new ListProfilePictures(repository), clock);
        return Stream.of(
                new Route(
                        "POST /scrape",
                        scrape::handle,
                        ApiGatewayEvents.load("scrape.json"),
                        ApiGatewayEvents.SCRAPE_REQUEST_ID),
                new Route(
                        "GET /user/{handle}/profile_pic",
                        get::handle,
                        ApiGatewayEvents.load("get-profile-pic.json"),
                        ApiGatewayEvents.GET_REQUEST_ID),
                new Route(
                        "GET /users",
                        list::handle,
                        ApiGatewayEvents.load("list-users.json"),
                        ApiGatewayEvents.LIST_REQUEST_ID));
    }

    static Stream<Route> workingRoutes() {
        var repository = new InMemoryProfilePictureRepository();
        // So that GET answers 200 too.
        ScrapeUseCases.browserOnly(
                        new FakeProfilePictureScraper()
                                .withPicture("Jack", "https://pbs.twimg.com/profile_images/1/jack_normal.jpg"),
                        repository,
                        new MutableClock(NOW.minusSeconds(1)))
                .scrape(Handle.of("jack"));
        return routes(repository);
    }

    static Stream<Route> buggyRoutes() {
        return routes(new BuggyRepository());
    }

    static Stream<Arguments> routesWithAStoreThatIsDown() {
        var repository = new InMemoryProfilePictureRepository();
        repository.goDown();
        return routes(repository).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("workingRoutes")
    void givenAWorkingRoute_handle_answersJsonWithTheRequestIdAndLogsOneLine(Route route) {
        var context = new TestContext();

        var response = route.handler().apply(route.event(), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"), "browsers may read it");
        assertEquals(route.requestId(), response.getHeaders().get("X-Request-Id"));
        assertFalse(response.getIsBase64Encoded());
        assertNotNull(Responses.json(response));
        JsonObject log = context.onlyLogLine();
        assertEquals(route.requestId(), log.get("requestId").getAsString());
        assertEquals(200, log.get("status").getAsInt());
        assertEquals(
                route.name(),
                log.get("method").getAsString() + " " + log.get("route").getAsString());
        assertTrue(log.get("durationMs").getAsLong() >= 0);
        assertEquals("INFO", log.get("level").getAsString());
        assertEquals("INFO", context.lines().get(0).level().name());
    }

    @ParameterizedTest
    @MethodSource("buggyRoutes")
    void givenABugAnywhere_handle_answers500LeakingNothingAndLogsItWithTheRequestId(Route route) {
        var context = new TestContext();

        var response = route.handler().apply(route.event(), context);

        assertError(response, 500, "internal_error");
        assertFalse(response.getBody().contains("Secret"));
        assertEquals(route.requestId(), response.getHeaders().get("X-Request-Id"));
        JsonObject log = context.onlyLogLine();
        assertEquals(route.requestId(), log.get("requestId").getAsString());
        assertEquals(500, log.get("status").getAsInt());
        assertTrue(log.get("where").getAsString().contains("BuggyRepository"), log.toString());
        assertFalse(log.has("stackTrace"));
    }

    @ParameterizedTest
    @MethodSource("routesWithAStoreThatIsDown")
    void givenAStoreThatIsDown_handle_answers503WithRetryAfterInSeconds(Route route) {
        var response = route.handler().apply(route.event(), new TestContext());

        assertError(response, 503, "storage_unavailable");
        assertTrue(response.getHeaders().get("Retry-After").matches("[1-9][0-9]*"));
    }

    @Test
    void givenNoApiGatewayRequestId_handle_goesByLambdasRequestId() {
        var route = workingRoutes().findFirst().orElseThrow();
        var event = route.event().withRequestContext(null);
        var context = new TestContext("lambda-request-1");

        var response = route.handler().apply(event, context);

        assertEquals("lambda-request-1", response.getHeaders().get("X-Request-Id"));
        assertEquals("lambda-request-1", context.onlyLogLine().get("requestId").getAsString());
    }

    @Test
    void givenNoRequestIdAtAll_handle_makesUpAFreshOne() {
        var route = buggyRoutes().findFirst().orElseThrow();
        var event = route.event();
        event.getRequestContext().setRequestId("");

        var response = route.handler().apply(event, new TestContext(null));

        String requestId = response.getHeaders().get("X-Request-Id");
        assertDoesNotThrow(() -> UUID.fromString(requestId));
        assertEquals(
                requestId,
                Responses.json(response)
                        .getAsJsonObject("error")
                        .get("requestId")
                        .getAsString());
    }

    @Test
    void givenARequestIdThatCannotBeAHeader_handle_doesNotUseItAsOne() {
        var route = workingRoutes().findFirst().orElseThrow();
        var event = route.event();
        event.getRequestContext().setRequestId("evil\r\nSet-Cookie: x=1");

        var response = route.handler().apply(event, new TestContext("lambda-request-2"));

        assertEquals("lambda-request-2", response.getHeaders().get("X-Request-Id"));
    }

    @Test
    void givenAUrlWithQueryCharacters_toJson_writesItUnescaped() {
        var body = ApiResponses.toJson(new ResponseBody.ErrorBody("c", "https://pbs.twimg.com/a?b=c&d=<e>", "r"));

        assertEquals(
                "{\"error\":{\"code\":\"c\",\"message\":\"https://pbs.twimg.com/a?b=c&d=<e>\",\"requestId\":\"r\"}}",
                body);
    }
}
