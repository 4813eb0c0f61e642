package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.awsclients.ClientTimeouts;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Many scrapes saving at once, of different accounts and of the same ones: the newest of each must win. */
@ExtendWith(SharedDynamoDbServer.class)
class DynamoDbProfilePictureRepositoryConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final int THREADS = 16;
    private static final int HANDLES = 25;
    private static final int VERSIONS_PER_HANDLE = 16;

    private DynamoDbClient client;
    private DynamoDbProfilePictureRepository repository;

    @BeforeEach
    void createTable(DynamoDbServer server) {
        String tableName = DynamoDbServer.uniqueTableName("concurrency");
        // Slack for 16 writers queued at moto on a loaded machine: this test is about who wins, not about how
        // long a sick store is waited for (DynamoDbClients' own bounds, which the fault tests hold).
        client = DynamoDbClients.builder(
                        server.settings(tableName),
                        new ClientTimeouts(
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(60),
                                1))
                .build();
        PictureTable.createIfMissing(client, tableName);
        repository = new DynamoDbProfilePictureRepository(client, tableName);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void concurrentSavesLoseNothingAndLeaveEachHandleWithItsNewestPicture() throws Exception {
        List<ProfilePicture> offered = new ArrayList<>();
        for (int handle = 0; handle < HANDLES; handle++) {
            for (int version = 0; version < VERSIONS_PER_HANDLE; version++) {
                // Spellings vary, so one account is written under several capitalisations.
                String display = (version % 2 == 0 ? "user_" : "USER_") + handle;
                offered.add(picture(display, handle * 100 + version, T0.plusMillis(version)));
            }
        }
        Collections.shuffle(offered, new Random(42));
        List<Callable<SaveOutcome>> saves = new ArrayList<>();
        offered.forEach(picture -> saves.add(() -> repository.saveIfNewer(picture)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);

        List<Future<SaveOutcome>> outcomes;
        try {
            outcomes = pool.invokeAll(saves);
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < offered.size(); i++) {
            ProfilePicture mine = offered.get(i);
            SaveOutcome outcome = outcomes.get(i).get();
            if (outcome instanceof SaveOutcome.Saved) {
                assertEquals(mine, outcome.current());
            } else {
                assertTrue(outcome.current().isNewerThan(mine), mine + " lost to " + outcome.current());
            }
        }
        for (int handle = 0; handle < HANDLES; handle++) {
            int newest = VERSIONS_PER_HANDLE - 1;
            Optional<ProfilePicture> stored = repository.find(Handle.of("user_" + handle));
            assertEquals(
                    Optional.of(picture(
                            (newest % 2 == 0 ? "user_" : "USER_") + handle,
                            handle * 100 + newest,
                            T0.plusMillis(newest))),
                    stored);
            assertEquals(T0.plusMillis(newest), stored.orElseThrow().scrapedAt());
        }
        assertEquals(allHandleKeys(), listedHandleKeys());
    }

    private static Set<String> allHandleKeys() {
        Set<String> keys = new HashSet<>();
        for (int handle = 0; handle < HANDLES; handle++) {
            keys.add(("user_" + handle).toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    private Set<String> listedHandleKeys() {
        List<String> keys = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        do {
            Page<ProfilePicture, PageCursor> page = repository.list(new PageRequest<>(cursor, 7));
            page.items().forEach(picture -> keys.add(picture.handle().key()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertEquals(new HashSet<>(keys).size(), keys.size(), "no account twice: " + keys);
        return new HashSet<>(keys);
    }

    private static ProfilePicture picture(String handle, int id, Instant scrapedAt) {
        return new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"),
                scrapedAt);
    }
}
