package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.ApiGatewayEvents.listUsers;
import static com.profilepictures.adapters.lambda.Responses.assertError;
import static com.profilepictures.adapters.lambda.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.profilepictures.application.ListProfilePictures;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListProfilePicturesHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ListProfilePicturesHandler handler =
            new ListProfilePicturesHandler(new ListProfilePictures(repository), clock);
    private final TestContext context = new TestContext();

    @Test
    void givenAStoredUser_list_answersItsPictureAt400x400InTheContractsShape() {
        store("Jack");

        var response = handler.handle(ApiGatewayEvents.load("list-users.json"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        Responses.assertBody("user-list.json", response.getBody());
        assertEquals(ApiGatewayEvents.LIST_REQUEST_ID, response.getHeaders().get("X-Request-Id"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void givenArchivedAndUnarchivedUsers_list_saysWhetherEachCurrentPictureIsArchived() {
        store("Jack");
        store("Jill");
        PictureUrl jacks = PictureUrl.of("https://pbs.twimg.com/profile_images/42/Jack_normal.jpg");
        repository.markArchived(Handle.of("Jack"), new ArchiveMark(jacks, ImageVersion.of("ab".repeat(32))));

        var users = json(handler.handle(ApiGatewayEvents.load("list-users.json"), context))
                .getAsJsonArray("users");

        Map<String, Boolean> archived = new java.util.TreeMap<>();
        for (JsonElement user : users) {
            JsonObject body = user.getAsJsonObject();
            String handle = body.get("handle").getAsString();
            archived.put(handle, body.get("archived").getAsBoolean());
            assertEquals(
                    "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/user/" + handle + "/profile_pic/image",
                    body.get("image").getAsString());
        }
        assertEquals(Map.of("Jack", true, "Jill", false), archived);
    }

    @Test
    void givenNoUsers_list_answersAnEmptyLastPage() {
        var response = handler.handle(ApiGatewayEvents.load("list-users-no-query.json"), context);

        assertEquals("{\"users\":[],\"lastKey\":\"\"}", response.getBody());
    }

    @Test
    void givenEveryPageWalked_list_returnsEveryUserExactlyOnce() {
        List<String> stored = List.of("alice", "Bob", "carol", "Dave_2", "eve");
        stored.forEach(this::store);
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        String lastKey = null;
        do {
            var response = handler.handle(listUsers(lastKey, "2"), context);
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonObject body = json(response);
            for (JsonElement user : body.getAsJsonArray("users")) {
                seen.add(user.getAsJsonObject().get("handle").getAsString());
            }
            pageSizes.add(body.getAsJsonArray("users").size());
            lastKey = body.get("lastKey").getAsString();
        } while (!lastKey.isEmpty());

        assertEquals(Set.copyOf(stored), new HashSet<>(seen));
        assertEquals(stored.size(), seen.size(), "nobody twice");
        assertEquals(List.of(2, 2, 1), pageSizes);
    }

    @Test
    void givenNoLimitAndAnEmptyLastKey_list_answersTheFirst25() {
        for (int i = 0; i < 30; i++) {
            store("user" + i);
        }

        JsonObject absent = json(handler.handle(listUsers(null, null), context));
        JsonObject empty = json(handler.handle(listUsers("", null), context));

        assertEquals(25, absent.getAsJsonArray("users").size());
        assertFalse(absent.get("lastKey").getAsString().isEmpty());
        assertEquals(absent, empty);
    }

    @Test
    void givenTheLimitsBounds_list_acceptsThem() {
        for (int i = 0; i < 101; i++) {
            store("user" + i);
        }

        assertEquals(
                1,
                json(handler.handle(listUsers(null, "1"), context))
                        .getAsJsonArray("users")
                        .size());
        assertEquals(
                100,
                json(handler.handle(listUsers(null, "100"), context))
                        .getAsJsonArray("users")
                        .size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "1.5",
                "0",
                "101",
                "",
                " 5",
                "5 ",
                "-1",
                "+5",
                "1e2",
                "0x10",
                "٣",
                "99999999999999999999999",
                "2147483648"
            })
    void givenALimitThatIsNotAWholeNumberFrom1To100_list_answersInvalidLimit(String limit) {
        var response = handler.handle(listUsers(null, limit), context);

        String message = assertError(response, 400, "invalid_limit");
        assertEquals("limit must be a whole number from 1 to 100.", message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "!!!",
                "bm90LWEtY3Vyc29y",
                "SkFDSw",
                "QGphY2s",
                "amFjaw==",
                "amFjaw ",
                "a",
                "dGhpc19pc19zaXh0ZWVuX2NoYXJz"
            })
    void givenALastKeyThisServiceDidNotIssue_list_answersInvalidCursor(String lastKey) {
        var response = handler.handle(listUsers(lastKey, null), context);

        assertError(response, 400, "invalid_cursor");
    }

    @Test
    void givenACursor_list_acceptsOnlyTheOneThisServiceIssued() {
        store("jack");
        store("jill");
        String issued = PageCursor.after(Handle.of("jack")).encode();
        String uppercase =
                Base64.getUrlEncoder().withoutPadding().encodeToString("JACK".getBytes(StandardCharsets.US_ASCII));

        var accepted = handler.handle(listUsers(issued, null), context);
        var refused = handler.handle(listUsers(uppercase, null), context);

        assertEquals(
                "jill",
                json(accepted)
                        .getAsJsonArray("users")
                        .get(0)
                        .getAsJsonObject()
                        .get("handle")
                        .getAsString());
        assertError(refused, 400, "invalid_cursor");
    }

    @Test
    void givenARepeatedParameter_list_refusesItRatherThanGuess() {
        var repeatedLimit =
                listUsers(null, "50").withMultiValueQueryStringParameters(Map.of("limit", List.of("5", "50")));
        var repeatedLastKey = listUsers("amFjaw", null)
                .withMultiValueQueryStringParameters(Map.of("lastKey", List.of("amlsbA", "amFjaw")));

        assertError(handler.handle(repeatedLimit, context), 400, "invalid_limit");
        assertError(handler.handle(repeatedLastKey, context), 400, "invalid_cursor");
    }

    @Test
    void givenTheStoreDown_list_answers503WithRetryAfter() {
        repository.goDown();

        var response = handler.handle(listUsers(null, null), context);

        assertError(response, 503, "storage_unavailable");
        assertTrue(response.getHeaders().containsKey("Retry-After"));
        JsonObject log = context.onlyLogLine();
        assertEquals(503, log.get("status").getAsInt());
        assertEquals("storage_unavailable", log.get("code").getAsString());
    }

    private void store(String handle) {
        repository.saveIfNewer(new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/42/" + handle + "_normal.jpg"),
                NOW));
    }
}
