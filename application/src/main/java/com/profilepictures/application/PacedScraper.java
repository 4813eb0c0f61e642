package com.profilepictures.application;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A source asking X at most so many times a minute in this process, however many threads call it: each call
 * (one account, or a hundred through X's API) takes the next free slot, evenly spaced, and waits for it. A call
 * whose slot would come after its deadline is not made and answers "no answer in time", so its accounts are
 * sent again later instead of holding the batch. Across processes the ceiling is the template's: each
 * execution environment paces itself at its share, and the mappings' concurrency bounds how many there are.
 */
final class PacedScraper implements ProfilePictureScraper {

    private final ProfilePictureScraper scraper;
    private final long intervalNanos;
    private long nextSlotNanos = System.nanoTime();

    PacedScraper(ProfilePictureScraper scraper, int requestsPerMinute) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("A source is asked at least once a minute: " + requestsPerMinute);
        }
        this.scraper = Objects.requireNonNull(scraper, "scraper");
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / requestsPerMinute;
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        if (!awaitSlot(deadline)) {
            return noSlot(deadline);
        }
        return scraper.scrape(handle, deadline);
    }

    @Override
    public Map<Handle, ScrapeVerdict> scrapeAll(List<Handle> handles, Deadline deadline) {
        if (!awaitSlot(deadline)) {
            Map<Handle, ScrapeVerdict> verdicts = new LinkedHashMap<>();
            handles.forEach(handle -> verdicts.putIfAbsent(handle, noSlot(deadline)));
            return verdicts;
        }
        return scraper.scrapeAll(handles, deadline);
    }

    /** Takes the next slot and waits for it; false, taking nothing, when it comes after the deadline. */
    private boolean awaitSlot(Deadline deadline) {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlotNanos);
            if (slot - now > deadline.remaining().toNanos()) {
                return false;
            }
            nextSlotNanos = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    private ScrapeVerdict noSlot(Deadline deadline) {
        return new Undecided(
                Undecided.Cause.TIMED_OUT,
                "Paced at one request every " + TimeUnit.NANOSECONDS.toMillis(intervalNanos)
                        + " ms, X could not be asked within the batch's " + deadline.length() + ".");
    }
}
