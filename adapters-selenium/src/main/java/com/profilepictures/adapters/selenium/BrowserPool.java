package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code poolSize} browsers, started on first use (so that a Lambda's init phase stays short) and
 * kept between scrapes. A scrape reserves a slot, uses at most one browser at a time in it, and releases
 * the slot with the browser when done; slots are handed out first come, first served.
 */
final class BrowserPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BrowserPool.class.getName());

    private final SeleniumSettings settings;
    private final Semaphore slots;
    // Most recently used first: a browser that just ran is the likeliest to have the page's scripts cached.
    private final Deque<Browser> idle = new ConcurrentLinkedDeque<>();
    // Every browser not yet discarded, idle, busy or starting, so that close() finds them all.
    private final Set<Browser> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    BrowserPool(SeleniumSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.poolSize(), true);
    }

    /**
     * Waits for a free slot until the deadline.
     *
     * @return false if none became free in time (or the wait was interrupted)
     * @throws IllegalStateException if the pool is closed
     */
    boolean reserve(Deadline deadline) {
        ensureOpen();
        try {
            return slots.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * In a reserved slot: a browser for {@code lease}, the most recently used one that still answers, or
     * else a new one, started by the deadline.
     *
     * @throws ScraperUnavailableException if no browser can be had, or the lease was given up meanwhile
     */
    Browser browserFor(Lease lease, Deadline deadline) {
        Browser browser;
        while ((browser = idle.pollFirst()) != null) {
            // Started long ago: should it hang now (in responds() or later), X's page is not to blame, but
            // neither is the start, and the scrape times out as any other hung scrape does.
            if (!lease.attach(browser, true)) {
                keep(browser); // untouched: the caller gave up before this scrape began
                throw new ScraperUnavailableException("The caller gave up before a browser was free.", null);
            }
            // One trivial command (a few ms) spares a scrape from failing on a browser that died while idle.
            if (browser.responds()) {
                return browser;
            }
            LOG.log(Level.INFO, "Replacing a browser that died while idle: " + browser);
            discard(browser);
        }
        return start(lease, deadline);
    }

    /** Ends a reservation: keeps {@code browser} (if any) for the next scrape when reusable, and frees the slot. */
    void release(Browser browser, boolean reusable) {
        try {
            if (browser != null) {
                if (reusable && browser.isAlive()) {
                    keep(browser);
                } else {
                    discard(browser);
                }
            }
        } finally {
            slots.release();
        }
    }

    /** Kills the browser, wherever it is: idle, busy or starting. */
    void discard(Browser browser) {
        idle.remove(browser);
        live.remove(browser);
        browser.discard();
    }

    /**
     * Starts browsers until the pool is full, each within {@code startTimeout}, so that the first scrapes
     * need not. Slots busy with scrapes are skipped.
     *
     * @throws ScraperUnavailableException if a browser cannot be started
     */
    void warmUp(Duration startTimeout) {
        for (int started = 0; started < settings.poolSize(); started++) {
            if (!slots.tryAcquire()) {
                return;
            }
            try {
                if (live.size() >= settings.poolSize()) {
                    return;
                }
                keep(start(new Lease(), Deadline.after(startTimeout)));
            } finally {
                slots.release();
            }
        }
    }

    /** Quits every browser, kills any process they left and removes their folders. */
    @Override
    public void close() {
        closed = true;
        Browser browser;
        while ((browser = idle.pollFirst()) != null) {
            discard(browser);
        }
        for (Browser busy : live) {
            discard(busy);
        }
    }

    private Browser start(Lease lease, Deadline deadline) {
        ensureOpen();
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
            throw Failures.unavailable("Chromium could not be started", e);
        }
        if (!lease.markStarted()) {
            discard(browser);
            throw new ScraperUnavailableException("The caller gave up before the browser had started.", null);
        }
        if (closed) {
            discard(browser);
            throw new ScraperUnavailableException("The scraper was closed while a browser started.", null);
        }
        return browser;
    }

    private void keep(Browser browser) {
        idle.addFirst(browser);
        // close() may have swept the pool just before the browser came back.
        if (closed && idle.remove(browser)) {
            discard(browser);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The scraper has been closed.");
        }
    }
}
