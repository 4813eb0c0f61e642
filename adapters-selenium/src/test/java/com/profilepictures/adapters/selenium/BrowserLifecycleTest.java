package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.ScrapeVerdict.UpstreamUnreachable;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browsers starting, dying, hanging, queueing and being cleaned up, with real Chromium. Each test's scraper
 * works under the test's own folder, and the test looks only at the processes and folders under it.
 */
class BrowserLifecycleTest {

    private static FixtureSite site;

    @TempDir
    Path root;

    @BeforeAll
    static void startSite() {
        // A short avatar delay keeps the many-scrape tests quick; the delay itself is tested elsewhere.
        site = FixtureSite.start(Duration.ofMillis(50));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void givenServerThatAcceptsButNeverAnswers_scrape_timesOutInsteadOfHanging() {
        try (SilentServer silent = SilentServer.start();
                SeleniumProfilePictureScraper scraper =
                        new SeleniumProfilePictureScraper(TestBrowsers.settings(silent.baseUrl(), 1, root))) {
            scraper.warmUp();
            long start = System.nanoTime();

            ScrapeVerdict outcome = scraper.scrape(Handle.of("jack"), TestBrowsers.shortDeadline());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertInstanceOf(TimedOut.class, outcome);
            assertTrue(
                    took.compareTo(TestBrowsers.SHORT_TIMEOUT.plus(TestBrowsers.OVERRUN_ALLOWED)) <= 0,
                    "overran: " + took);
        }
    }

    @Test
    void givenRefusedConnection_scrape_returnsUpstreamUnreachable() {
        try (SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(SilentServer.refusingUrl(), 1, root))) {

            ScrapeVerdict outcome = scraper.scrape(Handle.of("jack"), TestBrowsers.deadline());

            UpstreamUnreachable unreachable = assertInstanceOf(UpstreamUnreachable.class, outcome);
            assertTrue(unreachable.detail().contains("ERR_CONNECTION_REFUSED"), unreachable.detail());
        }
    }

    @Test
    void givenBrowserKilledBetweenScrapes_nextScrape_startsAFreshBrowserAndSucceeds() {
        try (SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1, root))) {
            assertInstanceOf(Found.class, scraper.scrape(Handle.of("first"), TestBrowsers.deadline()));
            Set<ProcessHandle> killed = TestBrowsers.browserProcessesUnder(root);
            assertEquals(1, killed.size(), "expected exactly one running browser: " + killed);
            killed.forEach(ProcessHandle::destroyForcibly);
            TestBrowsers.awaitExited(killed);

            ScrapeVerdict outcome = scraper.scrape(Handle.of("second"), TestBrowsers.deadline());

            Found found = assertInstanceOf(Found.class, outcome);
            assertEquals(FixtureSite.pictureUrlOf("second"), found.picture().value());
            Set<ProcessHandle> replacements = TestBrowsers.browserProcessesUnder(root);
            assertEquals(1, replacements.size(), "expected exactly one running browser: " + replacements);
            assertTrue(replacements.stream().noneMatch(killed::contains));
        }
    }

    @Test
    void givenBrowserKilledMidScrape_scrape_throwsScraperUnavailableLongBeforeTheDeadline_andTheNextScrapeSucceeds()
            throws Exception {
        try (FixtureSite ownSite = FixtureSite.start(Duration.ofMillis(50));
                SeleniumProfilePictureScraper scraper =
                        new SeleniumProfilePictureScraper(TestBrowsers.settings(ownSite.baseUrl(), 1, root))) {
            scraper.warmUp();
            CompletableFuture<ScrapeVerdict> dying = CompletableFuture.supplyAsync(
                    () -> scraper.scrape(Handle.of(FixtureSite.NEVER_RENDERS), TestBrowsers.deadline()));
            assertTrue(
                    ownSite.awaitRequestFor(FixtureSite.NEVER_RENDERS, TestBrowsers.GENEROUS_TIMEOUT),
                    "the scrape never ran");
            long start = System.nanoTime();

            TestBrowsers.browserProcessesUnder(root).forEach(ProcessHandle::destroyForcibly);

            ExecutionException failure = assertThrows(
                    ExecutionException.class,
                    () -> dying.get(
                            TestBrowsers.GENEROUS_TIMEOUT
                                    .plus(TestBrowsers.OVERRUN_ALLOWED)
                                    .toSeconds(),
                            TimeUnit.SECONDS));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertInstanceOf(ScraperUnavailableException.class, failure.getCause());
            assertTrue(
                    took.compareTo(TestBrowsers.GENEROUS_TIMEOUT.dividedBy(2)) < 0,
                    "noticed only near the deadline: " + took);
            Found found =
                    assertInstanceOf(Found.class, scraper.scrape(Handle.of("afterwards"), TestBrowsers.deadline()));
            assertEquals(FixtureSite.pictureUrlOf("afterwards"), found.picture().value());
        }
    }

    @Test
    void givenHungBrowser_scrape_timesOut_andTheNextScrapeGetsAFreshBrowser() throws Exception {
        try (SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1, root))) {
            assertInstanceOf(Found.class, scraper.scrape(Handle.of("before"), TestBrowsers.deadline()));
            Set<ProcessHandle> frozen = TestBrowsers.browserProcessesUnder(root);
            assertFalse(frozen.isEmpty(), "no browser to freeze");
            for (ProcessHandle browser : frozen) {
                signal("STOP", browser);
            }
            long start = System.nanoTime();

            ScrapeVerdict hung = scraper.scrape(Handle.of("during"), TestBrowsers.shortDeadline());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ScrapeVerdict after = scraper.scrape(Handle.of("after"), TestBrowsers.deadline());

            assertInstanceOf(TimedOut.class, hung);
            assertTrue(
                    took.compareTo(TestBrowsers.SHORT_TIMEOUT.plus(TestBrowsers.OVERRUN_ALLOWED)) <= 0,
                    "overran: " + took);
            Found found = assertInstanceOf(Found.class, after);
            assertEquals(FixtureSite.pictureUrlOf("after"), found.picture().value());
            assertTrue(frozen.stream().noneMatch(ChromiumProcesses::isRunning), "the hung browser was not killed");
        }
    }

    @Test
    void givenTheOnlyBrowserBusyPastOurDeadline_scrape_timesOutWhileWaiting() throws Exception {
        // The first scrape's browser is frozen, so its worker keeps the pool's only browser until the watchdog
        // kills it, a little after the first scrape's deadline. That deadline is well after the second's, so
        // the second scrape times out waiting however late it starts on a busy machine.
        Duration occupyingTimeout = TestBrowsers.SHORT_TIMEOUT.multipliedBy(2);
        try (FixtureSite ownSite = FixtureSite.start(Duration.ofMillis(50));
                SeleniumProfilePictureScraper scraper =
                        new SeleniumProfilePictureScraper(TestBrowsers.settings(ownSite.baseUrl(), 1, root))) {
            scraper.warmUp();
            CompletableFuture<ScrapeVerdict> occupying = CompletableFuture.supplyAsync(
                    () -> scraper.scrape(Handle.of(FixtureSite.NEVER_RENDERS), Deadline.after(occupyingTimeout)));
            assertTrue(
                    ownSite.awaitRequestFor(FixtureSite.NEVER_RENDERS, TestBrowsers.GENEROUS_TIMEOUT),
                    "the first scrape never ran");
            for (ProcessHandle browser : TestBrowsers.browserProcessesUnder(root)) {
                signal("STOP", browser);
            }
            long start = System.nanoTime();

            ScrapeVerdict waiting = scraper.scrape(Handle.of("jack"), TestBrowsers.shortDeadline());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            TimedOut timedOut = assertInstanceOf(TimedOut.class, waiting);
            assertTrue(timedOut.detail().contains("No browser became free"), timedOut.detail());
            assertTrue(took.compareTo(TestBrowsers.SHORT_TIMEOUT.minusSeconds(1)) >= 0, "did not wait: " + took);
            assertTrue(
                    took.compareTo(TestBrowsers.SHORT_TIMEOUT.plus(TestBrowsers.OVERRUN_ALLOWED)) <= 0,
                    "overran: " + took);
            assertInstanceOf(
                    TimedOut.class,
                    occupying.get(
                            occupyingTimeout.plus(TestBrowsers.OVERRUN_ALLOWED).toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void givenBrowserThatCannotStart_scrape_throwsScraperUnavailable_andLeavesNoFolder() throws Exception {
        try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(
                TestBrowsers.settings(site.baseUrl(), 1, root, Path.of("/nonexistent/chromium")))) {

            assertThrows(
                    ScraperUnavailableException.class,
                    () -> scraper.scrape(Handle.of("jack"), TestBrowsers.deadline()));
        }

        assertEquals(Set.of(), TestBrowsers.foldersUnder(root), "a failed start left its folder behind");
    }

    @Test
    void givenBrowserThatHangsWhileStarting_scrape_throwsScraperUnavailableByTheDeadline_andLeavesNothingBehind(
            @TempDir Path scripts) throws Exception {
        // Stands in for a Chromium that never comes up: it records its pid (exec keeps it) and sleeps.
        Path pidFile = scripts.resolve("chromium.pid");
        Path hangingChromium = scripts.resolve("chromium");
        Files.writeString(hangingChromium, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 1000\n");
        assertTrue(hangingChromium.toFile().setExecutable(true));
        Duration scrapeTimeout = Duration.ofSeconds(3);
        try (SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1, root, hangingChromium))) {
            long start = System.nanoTime();

            ScraperUnavailableException failure = assertThrows(
                    ScraperUnavailableException.class,
                    () -> scraper.scrape(Handle.of("jack"), Deadline.after(scrapeTimeout)));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(failure.getMessage().contains("did not start"), failure.getMessage());
            assertTrue(took.compareTo(scrapeTimeout.plus(TestBrowsers.OVERRUN_ALLOWED)) <= 0, "overran: " + took);
            assertTrue(Files.exists(pidFile), "the fake Chromium was never started, so nothing hung");
            long hungPid = Long.parseLong(Files.readString(pidFile).trim());
            assertFalse(
                    ProcessHandle.of(hungPid)
                            .filter(ChromiumProcesses::isRunning)
                            .isPresent(),
                    "the hung Chromium still runs");
            assertEquals(Set.of(), TestBrowsers.processesUnder(root), "the hung start left processes behind");
            assertEquals(Set.of(), TestBrowsers.foldersUnder(root), "the hung start left its folder behind");
        }
    }

    @Test
    void givenWorkRootAsLongAsChromiumAllows_scrape_succeeds_andALongerOneIsRejectedUpFront() throws Exception {
        int room =
                BrowserFolder.MAX_ROOT_LENGTH - root.toAbsolutePath().toString().length() - 1;
        assertTrue(room > 0, "the test's own folder is already too long: " + root);
        Path longest = Files.createDirectory(root.resolve("x".repeat(room)));
        Path tooLong = root.resolve("x".repeat(room + 1));

        try (SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1, longest))) {
            Found found = assertInstanceOf(Found.class, scraper.scrape(Handle.of("jack"), TestBrowsers.deadline()));
            assertEquals(FixtureSite.pictureUrlOf("jack"), found.picture().value());
        }
        IllegalArgumentException rejected =
                assertThrows(IllegalArgumentException.class, () -> TestBrowsers.settings(site.baseUrl(), 1, tooLong));
        assertTrue(rejected.getMessage().contains("workRoot"), rejected.getMessage());
    }

    @Test
    void afterFiftySequentialScrapes_close_leavesNoChromiumProcessesOrFoldersBehind() throws Exception {
        SeleniumProfilePictureScraper scraper =
                new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 2, root));
        for (int i = 0; i < 50; i++) {
            String handle = "user" + i;
            Found found = assertInstanceOf(Found.class, scraper.scrape(Handle.of(handle), TestBrowsers.deadline()));
            assertEquals(FixtureSite.pictureUrlOf(handle), found.picture().value());
        }
        // What the test can see is what it checks afterwards: drivers and browsers alike.
        assertFalse(TestBrowsers.driverProcessesUnder(root).isEmpty(), "no chromedriver of this scraper's is visible");
        assertFalse(TestBrowsers.browserProcessesUnder(root).isEmpty(), "no browser of this scraper's is visible");

        scraper.close();

        assertEquals(Set.of(), TestBrowsers.processesUnder(root));
        assertEquals(Set.of(), TestBrowsers.foldersUnder(root));
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " failed");
    }
}
