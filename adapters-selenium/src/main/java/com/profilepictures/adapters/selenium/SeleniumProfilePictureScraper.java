package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.Deadline;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.ProfilePictureScraper;
import com.profilepictures.domain.ScrapeVerdict;
import com.profilepictures.domain.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.ScraperUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.WebDriverException;

/**
 * Reads profile pictures with headless Chromium. Browsers start on first use (so that a Lambda's init
 * phase stays short), are reused, and are wiped between scrapes; at most {@code poolSize} run at once.
 *
 * <p>Each scrape runs on a worker thread while the caller waits no longer than its deadline, so a
 * wedged browser cannot hold the caller: the caller gets {@link TimedOut}, and a watchdog kills the
 * browser if its worker is still busy a little later, so that the next scrape gets a fresh one. A browser
 * still starting at the deadline is our failure, not X's: the caller kills it and gets a
 * {@link ScraperUnavailableException}.
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
     * The most a scrape that reaches a verdict can take beyond its scrape timeout: what a deployment adds
     * to {@code SCRAPE_TIMEOUT} (with the save after it) to size a function's own timeout.
     */
    public static final Duration MAX_VERDICT_DELAY = REPORT_MARGIN.plus(CLEANUP_WAIT);

    private final SeleniumSettings settings;
    private final Semaphore permits;
    private final Deque<Browser> idle = new ConcurrentLinkedDeque<>();
    private final Set<Browser> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Thread shutdownHook;
    private final AtomicInteger shutdownHookState = new AtomicInteger(); // 0 none, 1 registered, 2 closed
    private volatile boolean closed;

    public SeleniumProfilePictureScraper(SeleniumSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permits = new Semaphore(settings.poolSize(), true);
        this.workers = Executors.newCachedThreadPool(daemonThreads("selenium-scrape"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("selenium-watchdog"));
        // Chromium outlives a JVM that exits without close() (Ctrl-C of a local server): kill it then too.
        this.shutdownHook = new Thread(this::discardAll, "selenium-shutdown");
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(deadline, "deadline");
        ensureOpen();
        if (!acquirePermit(deadline)) {
            return new TimedOut("No browser became free within the scrape's deadline of " + deadline.length() + ".");
        }
        Lease lease = new Lease();
        CompletableFuture<ScrapeVerdict> verdict = new CompletableFuture<>();
        Future<?> work;
        try {
            work = workers.submit(() -> work(lease, handle, deadline, verdict));
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new ScraperUnavailableException("The scraper has been closed.", e);
        }
        ScheduledFuture<?> guard = watchdog.schedule(() -> killIfStillBusy(lease),
                deadline.remaining().plus(HANG_TOLERANCE).toMillis(), TimeUnit.MILLISECONDS);
        lease.guardedBy(guard);
        return await(verdict, work, lease, deadline);
    }

    /**
     * Starts browsers until the pool is full, so that the first scrapes need not. Optional: scrapes start
     * browsers themselves. Each start is bounded by the scrape timeout.
     *
     * @throws ScraperUnavailableException if a browser cannot be started
     */
    public void warmUp() {
        ensureOpen();
        for (int started = 0; started < settings.poolSize(); started++) {
            if (!permits.tryAcquire()) {
                return;
            }
            try {
                if (live.size() >= settings.poolSize()) {
                    return;
                }
                idle.addLast(startBrowser(new Lease(), Deadline.after(settings.scrapeTimeout())));
            } finally {
                permits.release();
            }
        }
    }

    /** Quits every browser, kills any process they left and removes their folders. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        watchdog.shutdownNow();
        discardAll();
        if (shutdownHookState.getAndSet(2) == 1) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook runs or has run.
            }
        }
    }

    private ScrapeVerdict await(CompletableFuture<ScrapeVerdict> verdict, Future<?> work, Lease lease, Deadline deadline) {
        try {
            ScrapeVerdict outcome = verdict.get(deadline.remaining().plus(REPORT_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
            awaitQuietly(work);
            return outcome;
        } catch (TimeoutException e) {
            if (lease.abandonIfNotLaunched()) {
                // X was never asked, so blaming it (504) would be wrong. The browser is killed now rather than
                // by the watchdog later: a Lambda is frozen once we answer, and a start that overran the whole
                // deadline has nothing left to finish. A worker that gets this far later sees the lease
                // abandoned and stops.
                Browser starting = lease.browser();
                if (starting != null) {
                    discard(starting);
                }
                throw new ScraperUnavailableException("Chromium did not start within the scrape's deadline of "
                        + deadline.length() + ".", null);
            }
            return new TimedOut("The browser reached no verdict within the scrape's deadline of "
                    + deadline.length() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TimedOut("The scrape was interrupted before a verdict.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("A scrape failed unexpectedly", cause);
        }
    }

    private static void awaitQuietly(Future<?> work) {
        try {
            work.get(CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The verdict stands; the browser is dealt with by the worker or the watchdog.
        }
    }

    /** Runs on a worker: obtains a browser, reads the page, wipes the browser, and gives it back. */
    private void work(Lease lease, Handle handle, Deadline deadline, CompletableFuture<ScrapeVerdict> verdict) {
        Browser browser = null;
        boolean reusable = false;
        try {
            browser = obtainBrowser(lease, deadline);
            verdict.complete(new ProfilePage(browser, settings, handle, deadline).read());
            browser.clearState();
            reusable = true;
        } catch (ScraperUnavailableException e) {
            verdict.completeExceptionally(e);
        } catch (WebDriverException e) {
            verdict.completeExceptionally(new ScraperUnavailableException(
                    "The browser failed mid-scrape: " + firstLine(e.getMessage()), e));
        } catch (RuntimeException e) {
            verdict.completeExceptionally(e);
        } finally {
            boolean stillOurs = lease.finish();
            if (browser != null) {
                if (reusable && stillOurs && !closed && browser.isAlive()) {
                    idle.addFirst(browser);
                    // close() may have swept the pool just before the browser came back.
                    if (closed && idle.remove(browser)) {
                        discard(browser);
                    }
                } else {
                    discard(browser);
                }
            }
            permits.release();
        }
    }

    private Browser obtainBrowser(Lease lease, Deadline deadline) {
        Browser browser;
        while ((browser = idle.pollFirst()) != null) {
            // Launched long ago: should it hang now (in responds() or later), X's page is not to blame, but
            // neither is the start, and the scrape times out as any other hung scrape does.
            if (!lease.attach(browser, true)) {
                idle.addFirst(browser); // untouched: the caller gave up before this scrape began
                if (closed && idle.remove(browser)) {
                    discard(browser);
                }
                throw new ScraperUnavailableException("The caller gave up before a browser was free.", null);
            }
            // One trivial command (a few ms) spares a scrape from failing on a browser that died while idle.
            if (browser.responds()) {
                return browser;
            }
            LOG.log(Level.INFO, "Replacing a browser that died while idle: " + browser);
            discard(browser);
        }
        return startBrowser(lease, deadline);
    }

    private Browser startBrowser(Lease lease, Deadline deadline) {
        ensureOpen();
        registerShutdownHook();
        Browser browser;
        try {
            browser = Browser.prepare(settings);
        } catch (UncheckedIOException e) {
            throw new ScraperUnavailableException("Chromium could not be started: " + e.getMessage(), e);
        }
        live.add(browser);
        if (!lease.attach(browser, false)) {
            discard(browser);
            throw new ScraperUnavailableException("The caller gave up before the browser started.", null);
        }
        try {
            browser.launch(deadline);
        } catch (IOException | RuntimeException e) {
            discard(browser);
            throw new ScraperUnavailableException("Chromium could not be started: " + firstLine(e.getMessage()), e);
        }
        if (!lease.markLaunched()) {
            discard(browser);
            throw new ScraperUnavailableException("The caller gave up before the browser had started.", null);
        }
        if (closed) {
            discard(browser);
            throw new ScraperUnavailableException("The scraper was closed while a browser started.", null);
        }
        return browser;
    }

    private void killIfStillBusy(Lease lease) {
        Browser hung = lease.declareHung();
        if (hung != null) {
            LOG.log(Level.WARNING, "Killing a browser that is still busy " + HANG_TOLERANCE + " after its deadline: " + hung);
            discard(hung);
        }
    }

    private void discard(Browser browser) {
        live.remove(browser);
        browser.discard();
    }

    private void discardAll() {
        Browser browser;
        while ((browser = idle.pollFirst()) != null) {
            discard(browser);
        }
        for (Browser busy : live) {
            discard(busy);
        }
    }

    private boolean acquirePermit(Deadline deadline) {
        try {
            return permits.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void registerShutdownHook() {
        if (shutdownHookState.compareAndSet(0, 1)) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The scraper has been closed.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Who holds a browser during one scrape: the worker until it finishes, or the watchdog (or the caller,
     * for a browser still starting at the deadline) once the worker has overrun. Whoever declares the
     * browser hung disposes of it; the worker then only lets it go. It also tells whether the browser had
     * started, which decides who is to blame when the deadline passes.
     */
    private static final class Lease {
        private Browser browser;
        private boolean launched;
        private boolean finished;
        private boolean hung;
        private ScheduledFuture<?> guard;

        /** False if the lease was already given up on: the worker must not use the browser then. */
        synchronized boolean attach(Browser attached, boolean alreadyLaunched) {
            if (hung) {
                return false;
            }
            browser = attached;
            launched = alreadyLaunched;
            return true;
        }

        synchronized Browser browser() {
            return browser;
        }

        /** The attached browser has finished launching; false if the caller gave up first. */
        synchronized boolean markLaunched() {
            if (hung) {
                return false;
            }
            launched = true;
            return true;
        }

        /**
         * Declares the browser hung if none has finished launching for this scrape; the caller then disposes
         * of whatever browser is attached. False if one had: the scrape then timed out after the start, and
         * the watchdog deals with the browser as usual.
         */
        synchronized boolean abandonIfNotLaunched() {
            if (launched) {
                return false;
            }
            hung = true;
            return true;
        }

        synchronized void guardedBy(ScheduledFuture<?> scheduled) {
            if (finished) {
                scheduled.cancel(false);
            } else {
                guard = scheduled;
            }
        }

        /** Ends the lease; false if the watchdog declared the browser hung first. */
        synchronized boolean finish() {
            finished = true;
            if (guard != null) {
                guard.cancel(false);
            }
            return !hung;
        }

        /** The browser to kill, or null if the worker finished in time. */
        synchronized Browser declareHung() {
            if (finished) {
                return null;
            }
            hung = true;
            return browser;
        }
    }
}
