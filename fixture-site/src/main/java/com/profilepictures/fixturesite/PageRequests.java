package com.profilepictures.fixturesite;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** What the fixture site was asked: how many profile pages, how many by browsers, and which accounts (for a test to wait on). */
final class PageRequests {

    private final Map<String, CompletableFuture<Void>> asked = new ConcurrentHashMap<>();
    private final AtomicInteger pages = new AtomicInteger();
    private final Map<String, AtomicInteger> browserPages = new ConcurrentHashMap<>();

    /** A profile page ({@code /{handle}} or the intent page) was asked for. */
    void countPage() {
        pages.incrementAndGet();
    }

    /** The account {@code key} was asked about: its page, or its user in X's API. */
    void asked(String key) {
        future(key).complete(null);
    }

    /** A browser (not a crawler) asked for {@code key}'s profile page. */
    void countBrowserPage(String key) {
        browserPages.computeIfAbsent(key, unused -> new AtomicInteger()).incrementAndGet();
    }

    /** How many times a browser asked for {@code handle}'s profile page, in any capitalisation. */
    int browserPageCount(String handle) {
        AtomicInteger count = browserPages.get(handle.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    int pageCount() {
        return pages.get();
    }

    /** Waits until {@code handle} (in any capitalisation) was asked about, at most {@code timeout}; whether it was. */
    boolean await(String handle, Duration timeout) throws InterruptedException {
        try {
            future(handle.toLowerCase(Locale.ROOT)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<Void> future(String key) {
        return asked.computeIfAbsent(key, unused -> new CompletableFuture<>());
    }
}
