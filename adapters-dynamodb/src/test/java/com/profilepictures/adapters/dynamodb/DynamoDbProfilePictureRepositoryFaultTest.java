package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.moto.MotoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Outages played on a private moto server: one that stops answering (SIGSTOP) and one that dies. Every
 * call must fail as {@link StorageUnavailableException} within the client's call timeout, and the same
 * repository must work again once the server does.
 */
class DynamoDbProfilePictureRepositoryFaultTest {

    // The client gives up after DynamoDbClients.API_CALL_TIMEOUT (7 s); this leaves room for a slow machine.
    private static final Duration WITHIN_CALL_TIMEOUT = Duration.ofSeconds(10);
    // Refused connections fail at once; only the retries' backoff adds up.
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    @TempDir
    Path dir;

    private MotoServer server;
    private String tableName;
    private DynamoDbClient client;
    private DynamoDbProfilePictureRepository repository;

    @BeforeEach
    void startPrivateServer() {
        server = MotoServer.start(dir.resolve("moto.log"));
        tableName = DynamoDbServer.uniqueTableName("faults");
        client = DynamoDbClients.create(new DynamoDbServer(server.endpoint()).settings(tableName));
        PictureTable.createIfMissing(client, tableName);
        repository = new DynamoDbProfilePictureRepository(client, tableName);
    }

    @AfterEach
    void stopPrivateServer() {
        client.close();
        server.close();
    }

    @Test
    void givenAPausedServer_everyCall_failsAsStorageUnavailableWithinTheCallTimeout_andWorksAgainAfterResume() {
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);
        server.pause();

        Duration find = timeFailure("find", () -> repository.find(Handle.of("jack")));
        Duration save =
                timeFailure("saveIfNewer", () -> repository.saveIfNewer(picture("jack", "2", T0.plusMillis(1))));
        Duration list = timeFailure("list", () -> repository.list(PageRequest.first(10)));
        server.resume();

        for (Duration elapsed : new Duration[] {find, save, list}) {
            assertTrue(elapsed.compareTo(WITHIN_CALL_TIMEOUT) < 0, "took " + elapsed);
        }
        var newest = picture("jack", "3", T0.plusMillis(2));
        assertEquals(new SaveOutcome.Saved(newest), repository.saveIfNewer(newest));
        assertEquals(Optional.of(newest), repository.find(Handle.of("jack")));
    }

    @Test
    void givenAKilledServer_calls_failAsStorageUnavailablePromptly_andTheSameRepositoryWorksOnceAServerIsBack() {
        repository.saveIfNewer(picture("jack", "1", T0));
        server.kill();

        Duration find = timeFailure("find", () -> repository.find(Handle.of("jack")));
        Duration save =
                timeFailure("saveIfNewer", () -> repository.saveIfNewer(picture("jack", "2", T0.plusMillis(1))));
        server.restartOnSamePort();
        PictureTable.createIfMissing(client, tableName); // a new moto server starts empty

        assertTrue(find.compareTo(PROMPTLY) < 0, "find took " + find);
        assertTrue(save.compareTo(PROMPTLY) < 0, "save took " + save);
        var jill = picture("jill", "3", T0);
        assertEquals(new SaveOutcome.Saved(jill), repository.saveIfNewer(jill));
        assertEquals(Optional.of(jill), repository.find(Handle.of("JILL")));
    }

    /** Runs a call that must fail as storage unavailable, with a message of ours, and returns how long it took. */
    private static Duration timeFailure(String call, Executable failingCall) {
        long started = System.nanoTime();
        var thrown = assertThrows(StorageUnavailableException.class, failingCall, call);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(thrown.getMessage().startsWith("DynamoDB table "), "our own words: " + thrown.getMessage());
        return elapsed;
    }

    private static ProfilePicture picture(String handle, String id, Instant scrapedAt) {
        return new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"),
                scrapedAt);
    }
}
