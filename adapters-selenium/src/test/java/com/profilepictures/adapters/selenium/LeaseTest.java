package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may use a scrape's browser, and who is to blame, as the worker, the caller and the watchdog race. */
class LeaseTest {

    @TempDir
    Path root;

    private Browser browser;
    private final Lease lease = new Lease();

    @BeforeEach
    void prepareABrowserThatNeverStarts() {
        browser = Browser.prepare(TestBrowsers.settings(URI.create("http://127.0.0.1:1"), 1, root));
    }

    @AfterEach
    void discardIt() {
        browser.discard();
    }

    @Test
    void givenBrowserStillStarting_callerAtTheDeadline_givesTheLeaseUp_andTheWorkerMayNotUseIt() {
        assertTrue(lease.attach(browser, false));

        assertTrue(lease.giveUpIfNotStarted(), "the start is to blame");

        assertSame(browser, lease.browser(), "the caller disposes of the starting browser");
        assertFalse(lease.markStarted(), "the worker must not use it");
        assertFalse(lease.finish(), "the worker must let it go");
        assertNull(lease.giveUpUnlessFinished(), "the watchdog leaves it to the caller");
    }

    @Test
    void givenNoBrowserYet_callerAtTheDeadline_givesTheLeaseUp_andNoBrowserCanBeAttachedAfter() {
        assertTrue(lease.giveUpIfNotStarted());

        assertFalse(lease.attach(browser, true));
        assertNull(lease.browser());
    }

    @Test
    void givenStartedBrowser_callerAtTheDeadline_keepsTheLease_forTheScrapeSimplyTimedOut() {
        assertTrue(lease.attach(browser, false));
        assertTrue(lease.markStarted());

        assertFalse(lease.giveUpIfNotStarted());

        assertTrue(lease.finish(), "the worker still holds the browser");
    }

    @Test
    void givenWorkerStillBusy_watchdog_takesTheBrowser_andTheWorkerMustLetItGo() {
        assertTrue(lease.attach(browser, true));

        assertSame(browser, lease.giveUpUnlessFinished());

        assertFalse(lease.finish());
        assertFalse(
                lease.giveUpIfNotStarted(),
                "a started browser was taken: the scrape timed out, the start is not to blame");
    }

    @Test
    void givenWatchdogTookABrowserStillStarting_callerAtTheDeadline_stillBlamesTheStart() {
        assertTrue(lease.attach(browser, false));
        assertSame(browser, lease.giveUpUnlessFinished());

        assertTrue(lease.giveUpIfNotStarted());
    }

    @Test
    void givenWorkerFinishedInTime_watchdog_findsNothingToKill() {
        assertTrue(lease.attach(browser, true));
        assertTrue(lease.finish());

        assertNull(lease.giveUpUnlessFinished());
        assertFalse(lease.giveUpIfNotStarted());
        assertThrows(IllegalStateException.class, () -> lease.attach(browser, true), "an ended lease takes no browser");
    }

    @Test
    void givenReusedBrowserThatDied_workerAttachesAFreshOne_whichStartsAsStarting() {
        assertTrue(lease.attach(browser, true));

        assertTrue(lease.attach(browser, false));

        assertTrue(lease.giveUpIfNotStarted(), "the replacement had not started");
    }
}
