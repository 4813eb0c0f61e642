package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.fixturesite.SilentServer;
import com.profilepictures.domain.Deadline;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ScrapeVerdict;
import com.profilepictures.domain.ScrapeVerdict.Found;
import com.profilepictures.domain.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.ScrapeVerdict.UpstreamUnreachable;
import com.profilepictures.domain.ScraperUnavailableException;
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

/** Browsers starting, dying, hanging, queueing and being cleaned up, with real Chromium. */
class BrowserLifecycleTest {

    private static FixtureSite site;

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
             SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(silent.baseUrl(), 1))) {
            scraper.warmUp();
            long start = System.nanoTime();

            ScrapeVerdict outcome = scraper.scrape(Handle.of("jack"), TestBrowsers.deadline());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertInstanceOf(TimedOut.class, outcome);
            assertTrue(took.compareTo(TestBrowsers.SCRAPE_TIMEOUT.plus(TestBrowsers.DEADLINE_SLACK)) <= 0, "overran: " + took);
        }
    }

    @Test
    void givenRefusedConnection_scrape_returnsUpstreamUnreachable() {
        try (SeleniumProfilePictureScraper scraper =
                     new SeleniumProfilePictureScraper(TestBrowsers.settings(SilentServer.refusingUrl(), 1))) {

            ScrapeVerdict outcome = scraper.scrape(Handle.of("jack"), TestBrowsers.deadline());

            UpstreamUnreachable unreachable = assertInstanceOf(UpstreamUnreachable.class, outcome);
            assertTrue(unreachable.detail().contains("ERR_CONNECTION_REFUSED"), unreachable.detail());
        }
    }

    @Test
    void givenBrowserKilledBetweenScrapes_nextScrape_startsAFreshBrowserAndSucceeds() throws Exception {
        try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1))) {
            assertInstanceOf(Found.class, scraper.scrape(Handle.of("first"), TestBrowsers.deadline()));
            Set<ProcessHandle> killed = TestBrowsers.browserProcesses();
            assertEquals(1, killed.size(), "expected exactly one running browser: " + killed);
            killed.forEach(ProcessHandle::destroyForcibly);
            TestBrowsers.awaitExited(killed);

            ScrapeVerdict outcome = scraper.scrape(Handle.of("second"), TestBrowsers.deadline());

            Found found = assertInstanceOf(Found.class, outcome);
            assertEquals(FixtureSite.pictureUrlOf("second"), found.picture().value());
            Set<ProcessHandle> replacements = TestBrowsers.browserProcesses();
            assertEquals(1, replacements.size(), "expected exactly one running browser: " + replacements);
            assertTrue(replacements.stream().noneMatch(killed::contains));
        }
    }

    @Test
    void givenBrowserKilledMidScrape_scrape_throwsScraperUnavailable_andTheNextScrapeSucceeds() throws Exception {
        try (FixtureSite ownSite = FixtureSite.start(Duration.ofMillis(50));
             SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(ownSite.baseUrl(), 1))) {
            scraper.warmUp();
            CompletableFuture<ScrapeVerdict> dying =
                    CompletableFuture.supplyAsync(() -> scraper.scrape(Handle.of(FixtureSite.NEVER_RENDERS), TestBrowsers.deadline()));
            assertTrue(ownSite.awaitRequestFor(FixtureSite.NEVER_RENDERS, TestBrowsers.SCRAPE_TIMEOUT), "the scrape never ran");
            long start = System.nanoTime();

            TestBrowsers.browserProcesses().forEach(ProcessHandle::destroyForcibly);

            ExecutionException failure = assertThrows(ExecutionException.class, () -> dying.get(30, TimeUnit.SECONDS));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertInstanceOf(ScraperUnavailableException.class, failure.getCause());
            assertTrue(took.compareTo(TestBrowsers.SCRAPE_TIMEOUT.minusSeconds(2)) < 0, "noticed only at the deadline: " + took);
            Found found = assertInstanceOf(Found.class, scraper.scrape(Handle.of("afterwards"), TestBrowsers.deadline()));
            assertEquals(FixtureSite.pictureUrlOf("afterwards"), found.picture().value());
        }
    }

    @Test
    void givenHungBrowser_scrape_timesOut_andTheNextScrapeGetsAFreshBrowser() throws Exception {
        try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 1))) {
            assertInstanceOf(Found.class, scraper.scrape(Handle.of("before"), TestBrowsers.deadline()));
            Set<ProcessHandle> frozen = TestBrowsers.browserProcesses();
            for (ProcessHandle browser : frozen) {
                signal("STOP", browser);
            }
            long start = System.nanoTime();

            ScrapeVerdict hung = scraper.scrape(Handle.of("during"), TestBrowsers.deadline());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ScrapeVerdict after = scraper.scrape(Handle.of("after"), TestBrowsers.deadline());

            assertInstanceOf(TimedOut.class, hung);
            assertTrue(took.compareTo(TestBrowsers.SCRAPE_TIMEOUT.plus(TestBrowsers.DEADLINE_SLACK)) <= 0, "overran: " + took);
            Found found = assertInstanceOf(Found.class, after);
            assertEquals(FixtureSite.pictureUrlOf("after"), found.picture().value());
            assertTrue(frozen.stream().noneMatch(Browser::isRunning), "the hung browser was not killed");
        }
    }

    @Test
    void givenTheOnlyBrowserBusyPastOurDeadline_scrape_timesOutWhileWaiting() throws Exception {
        try (FixtureSite ownSite = FixtureSite.start(Duration.ofMillis(50));
             SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(ownSite.baseUrl(), 1))) {
            scraper.warmUp();
            CompletableFuture<ScrapeVerdict> occupying =
                    CompletableFuture.supplyAsync(() -> scraper.scrape(Handle.of(FixtureSite.NEVER_RENDERS), TestBrowsers.deadline()));
            assertTrue(ownSite.awaitRequestFor(FixtureSite.NEVER_RENDERS, TestBrowsers.SCRAPE_TIMEOUT), "the first scrape never ran");
            // Frozen, the browser keeps its worker (and the pool's only permit) until the watchdog kills it,
            // 2 s after the first scrape's deadline: after the deadline of the scrape that waits for it.
            for (ProcessHandle browser : TestBrowsers.browserProcesses()) {
                signal("STOP", browser);
            }
            long start = System.nanoTime();

            ScrapeVerdict waiting = scraper.scrape(Handle.of("jack"), TestBrowsers.deadline());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            TimedOut timedOut = assertInstanceOf(TimedOut.class, waiting);
            assertTrue(timedOut.detail().contains("No browser became free"), timedOut.detail());
            assertTrue(took.compareTo(TestBrowsers.SCRAPE_TIMEOUT.minusSeconds(1)) >= 0, "did not wait: " + took);
            assertTrue(took.compareTo(TestBrowsers.SCRAPE_TIMEOUT.plus(TestBrowsers.DEADLINE_SLACK)) <= 0, "overran: " + took);
            assertInstanceOf(TimedOut.class, occupying.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void givenBrowserThatCannotStart_scrape_throwsScraperUnavailable() throws Exception {
        Set<Path> foldersBefore = TestBrowsers.scraperFolders();
        try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(
                TestBrowsers.settings(site.baseUrl(), 1, Path.of("/nonexistent/chromium")))) {

            assertThrows(ScraperUnavailableException.class, () -> scraper.scrape(Handle.of("jack"), TestBrowsers.deadline()));
        }

        assertEquals(foldersBefore, TestBrowsers.scraperFolders(), "a failed start left its folder behind");
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
        Set<Long> processesBefore = TestBrowsers.scraperProcessIds();
        Set<Path> foldersBefore = TestBrowsers.scraperFolders();
        try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(
                TestBrowsers.settings(site.baseUrl(), 1, hangingChromium, scrapeTimeout))) {
            long start = System.nanoTime();

            ScraperUnavailableException failure =
                    assertThrows(ScraperUnavailableException.class, () -> scraper.scrape(Handle.of("jack"), Deadline.after(scrapeTimeout)));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(failure.getMessage().contains("did not start"), failure.getMessage());
            assertTrue(took.compareTo(scrapeTimeout.plus(TestBrowsers.DEADLINE_SLACK)) <= 0, "overran: " + took);
            assertTrue(Files.exists(pidFile), "the fake Chromium was never started, so nothing hung");
            long hungPid = Long.parseLong(Files.readString(pidFile).trim());
            assertFalse(ProcessHandle.of(hungPid).filter(Browser::isRunning).isPresent(), "the hung Chromium still runs");
            assertEquals(processesBefore, TestBrowsers.scraperProcessIds(), "the hung start left processes behind");
            assertEquals(foldersBefore, TestBrowsers.scraperFolders(), "the hung start left its folder behind");
        }
    }

    @Test
    void afterFiftySequentialScrapes_close_leavesNoChromiumProcessesOrFoldersBehind() throws Exception {
        Set<Long> processesBefore = TestBrowsers.scraperProcessIds();
        Set<Path> foldersBefore = TestBrowsers.scraperFolders();
        SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(site.baseUrl(), 2));
        for (int i = 0; i < 50; i++) {
            String handle = "user" + i;
            Found found = assertInstanceOf(Found.class, scraper.scrape(Handle.of(handle), TestBrowsers.deadline()));
            assertEquals(FixtureSite.pictureUrlOf(handle), found.picture().value());
        }
        assertFalse(TestBrowsers.scraperProcessIds().equals(processesBefore), "the scrapes ran no browser of ours");

        scraper.close();

        assertEquals(processesBefore, TestBrowsers.scraperProcessIds());
        assertEquals(foldersBefore, TestBrowsers.scraperFolders());
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " failed");
    }
}
