package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.refresh.RefreshQueues;
import com.profilepictures.bootstrap.refresh.testing.RefreshWorld;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser's queue's consumer as the scrape image builds it, in real headless Chromium against the fixture
 * site, on moto: the accounts a crawler's page could not tell are decided by the browser and their verdicts
 * written as a worker's are; one the browser cannot tell either is failed, for the dead-letter queue.
 */
class RefreshBrowserFunctionTest {

    @RegisterExtension
    static final RefreshWorld WORLD = new RefreshWorld("browser");

    private static Environment environment;

    @BeforeAll
    static void start() {
        environment = WORLD.environment(Map.of(
                "SCRAPE_SOURCES",
                "browser",
                "REFRESH_BATCH_TIMEOUT",
                "PT90S",
                "CHROMIUM_BINARY",
                System.getProperty("chromium.binary", BrowserConfiguration.DEBIAN_CHROMIUM.toString()),
                "CHROMEDRIVER",
                System.getProperty("chromedriver", "/usr/bin/chromedriver"),
                RefreshQueues.BROWSER_QUEUE_URL,
                WORLD.newQueue("browser")));
    }

    @Test
    void givenAccountsOnlyABrowserCanTell_aBatch_writesTheirVerdictsAndFailsWhatItCannotTellEither() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String appOnly = FixtureSite.APP_ONLY + "2";
        PictureUrl old = PictureUrl.of(WORLD.site().currentPictureUrlOf("jack"));
        for (String handle : List.of(appOnly, FixtureSite.NONEXISTENT, FixtureSite.SHOWS_ANOTHER_ACCOUNT)) {
            WORLD.repository().saveIfNewer(new ProfilePicture(Handle.of(handle), old, twoDaysAgo));
        }
        RefreshBrowserComponent component =
                DaggerRefreshBrowserComponent.factory().create(environment);

        SQSBatchResponse response;
        try {
            response = component
                    .handler()
                    .handle(
                            event(Map.of(
                                    "m-app", appOnly,
                                    "m-ghost", FixtureSite.NONEXISTENT,
                                    "m-swapped", FixtureSite.SHOWS_ANOTHER_ACCOUNT)),
                            null);
        } finally {
            component.refresh().close();
            component.browser().close();
        }

        assertEquals(
                List.of("m-swapped"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList(),
                "another account's page is no verdict, even in a browser");
        assertEquals(
                PictureUrl.of(WORLD.site().currentPictureUrlOf(appOnly)),
                WORLD.repository().find(Handle.of(appOnly)).orElseThrow().url());
        ProfilePicture ghost =
                WORLD.repository().find(Handle.of(FixtureSite.NONEXISTENT)).orElseThrow();
        assertEquals(AccountStatus.NOT_FOUND, ghost.accountStatus());
        assertEquals(old, ghost.url(), "a gone account keeps its picture");
    }

    private static SQSEvent event(Map<String, String> bodiesById) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        bodiesById.forEach((id, body) -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(id);
            record.setBody(body);
            records.add(record);
        });
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
