package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.openqa.selenium.WebDriverException;

/**
 * Reads profile pictures with headless Chromium, from a pool of browsers that are reused and wiped between
 * scrapes.
 *
 * <p>Each scrape runs on a worker thread while the caller waits no longer than its deadline, so a wedged
 * browser cannot hold the caller: the caller gets {@link TimedOut}, and the browser is killed if its worker
 * is still busy a little later, so that the next scrape gets a fresh one. A browser still starting at the
 * deadline is our failure, not X's: the caller kills it and gets a {@link ScraperUnavailableException}.
 */
public final class SeleniumProfilePictureScraper implements ProfilePictureScraper, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SeleniumProfilePictureScraper.class.getName());

    // How long past its deadline the caller waits for a worker to report (scheduling, one last command).
    private static final Duration REPORT_MARGIN = Duration.ofMillis(500);
    // How long past its deadline a worker may hold a browser before the browser is declared hung.
    private static final Duration HANG_TOLERANCE = Duration.ofSeconds(2);
    // The wipe after a verdict is part of the scrape, so that nothing runs once we have answered
    // (a Lambda is frozen then), but a slow wipe must not delay the answer by much.
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(1);
    /**
     * The most a scrape that reaches a verdict can take beyond its deadline: what a deployment adds to
     * {@code SCRAPE_TIMEOUT} (with the save after it) to size a function's own timeout.
     */
    public static final Duration MAX_VERDICT_DELAY = REPORT_MARGIN.plus(CLEANUP_WAIT);

    private final SeleniumSettings settings;
    private final BrowserPool pool;
    private final DeadlineRunner runner;

    public SeleniumProfilePictureScraper(SeleniumSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = new BrowserPool(settings);
        this.runner = new DeadlineRunner(
                "selenium-scrape", new DeadlineRunner.Slack(REPORT_MARGIN, HANG_TOLERANCE, CLEANUP_WAIT));
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(deadline, "deadline");
        if (!pool.reserve(deadline)) {
            return new TimedOut("No browser became free within the scrape's deadline of " + deadline.length() + ".");
        }
        Lease lease = new Lease();
        Optional<ScrapeVerdict> verdict;
        try {
            verdict = runner.run(
                    deadline, report -> scrapeInSlot(lease, handle, deadline, report), () -> killIfHung(lease));
        } catch (RejectedExecutionException e) {
            pool.release(null, false);
            throw new ScraperUnavailableException("The scraper has been closed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TimedOut("The scrape was interrupted before a verdict.");
        }
        return verdict.orElseGet(() -> overran(lease, deadline));
    }

    /**
     * Starts browsers until the pool is full, so that the first scrapes need not. Optional: scrapes start
     * browsers themselves. Each start is bounded by the settings' command timeout.
     *
     * @throws ScraperUnavailableException if a browser cannot be started
     */
    public void warmUp() {
        pool.warmUp(settings.commandTimeout());
    }

    /** Quits every browser, kills any process they left and removes their folders. */
    @Override
    public void close() {
        runner.close();
        pool.close();
    }

    /** On a worker, in a reserved slot: gets a browser, reads the page, wipes the browser, and gives both back. */
    private void scrapeInSlot(Lease lease, Handle handle, Deadline deadline, Consumer<ScrapeVerdict> report) {
        Browser browser = null;
        boolean reusable = false;
        try {
            browser = pool.browserFor(lease, deadline);
            report.accept(new ProfilePage(browser, settings, handle, deadline).read());
            browser.clearState();
            reusable = true;
        } catch (WebDriverException e) {
            throw Failures.unavailable("The browser failed mid-scrape", e);
        } finally {
            boolean stillOurs = lease.finish();
            pool.release(browser, reusable && stillOurs);
        }
    }

    /** No verdict by the deadline: the start is to blame if no browser had started, else X's page. */
    private ScrapeVerdict overran(Lease lease, Deadline deadline) {
        if (lease.giveUpIfNotStarted()) {
            // X was never asked, so blaming it (504) would be wrong. The browser is killed now rather than
            // by the watchdog later: a Lambda is frozen once we answer, and a start that overran the whole
            // deadline has nothing left to finish. A worker that gets this far later finds the lease given up.
            Browser starting = lease.browser();
            if (starting != null) {
                pool.discard(starting);
            }
            throw new ScraperUnavailableException(
                    "Chromium did not start within the scrape's deadline of " + deadline.length() + ".", null);
        }
        return new TimedOut(
                "The browser reached no verdict within the scrape's deadline of " + deadline.length() + ".");
    }

    private void killIfHung(Lease lease) {
        Browser hung = lease.giveUpUnlessFinished();
        if (hung != null) {
            LOG.log(
                    Level.WARNING,
                    "Killing a browser that is still busy " + HANG_TOLERANCE + " after its deadline: " + hung);
            pool.discard(hung);
        }
    }
}
