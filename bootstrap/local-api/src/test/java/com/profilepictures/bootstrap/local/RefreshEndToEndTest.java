package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.profilepictures.fixturesite.FixtureSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh through {@code make run}, read from the template: the planner every {@code REFRESH_EVERY}, the
 * workers on moto's SQS. A picture changed on X is stored with no client call; an account only the browser can
 * tell is checked again through the browser's queue.
 */
class RefreshEndToEndTest {

    private static final Duration REFRESH_AFTER = Duration.ofSeconds(2);
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    @Test
    void givenAStoredAccountWhosePictureChanges_makeRun_storesTheNewPictureWithNoClientCall(@TempDir Path workDir)
            throws Exception {
        try (FixtureSite x = FixtureSite.start();
                LocalApiRun run = LocalApiRun.start(
                        workDir,
                        Map.of(
                                "X_BASE_URL", x.baseUrl().toString(),
                                "REFRESH_AFTER", REFRESH_AFTER.toString(),
                                "REFRESH_EVERY", REFRESH_EVERY.toString(),
                                "REFRESH_X_REQUESTS_PER_MINUTE", "6000"))) {
            Http http = new Http(run.awaitReady());
            String appOnly = FixtureSite.APP_ONLY + "4";
            assertEquals(200, http.post("/scrape", "{\"handle\":\"jack\"}").status(), run.output());
            // Changed before the account's first refresh: a refreshed account stays marked queued (REFRESH_QUEUED_FOR,
            // six hours) however short REFRESH_AFTER is.
            String changed = x.changePicture("jack");
            Http.Reply browserOnly = http.post("/scrape", "{\"handle\":\"" + appOnly + "\"}");
            assertEquals("browser", browserOnly.body().get("source").getAsString(), run.output());

            Duration patience = REFRESH_AFTER.plus(REFRESH_EVERY).plusSeconds(30);
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                Http.Reply stored = http.get("/user/jack/profile_pic");
                Http.Reply rechecked = http.get("/user/" + appOnly + "/profile_pic");
                String profileUrl = stored.body().get("profile_url").getAsString();
                // The same picture, checked again through the browser's queue: checkedAt moves, scrapedAt stays.
                boolean browserChecked = !rechecked
                        .body()
                        .get("checkedAt")
                        .getAsString()
                        .equals(rechecked.body().get("scrapedAt").getAsString());
                if (profileUrl.equals(changed) && browserChecked) {
                    assertEquals("active", stored.body().get("accountStatus").getAsString());
                    assertEquals(
                            browserOnly.body().get("scrapedAt").getAsString(),
                            rechecked.body().get("scrapedAt").getAsString(),
                            "the same picture keeps when it was first seen");
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    fail("after " + patience + ": jack at " + profileUrl + " (not " + changed + "), " + appOnly + " "
                            + rechecked.body() + ":\n" + run.output());
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }
}
