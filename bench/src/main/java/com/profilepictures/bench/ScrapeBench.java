package com.profilepictures.bench;

import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.fixturesite.FixtureSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scrape time against the fixture X site on loopback, whose profile pages render the avatar
 * {@code AVATAR_DELAY} after load (as X's JavaScript does): warm (one browser, reused), cold (a new
 * scraper that starts its browser for the scrape), and throughput of the local pool of two browsers
 * under four closed-loop callers. Arguments: results file, chromium, chromedriver, warm runs, cold runs,
 * throughput seconds.
 */
public final class ScrapeBench {

    static final Duration AVATAR_DELAY = Duration.ofMillis(200);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(20);
    private static final int WARM_UPS = 3;
    private static final int POOL = 2;
    private static final int CALLERS = 4;
    private static final int MAX_SCRAPES_PER_CALLER = 1000;

    private static final AtomicInteger HANDLES = new AtomicInteger();

    private ScrapeBench() {}

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        Path chromium = Path.of(args[1]);
        Path chromedriver = Path.of(args[2]);
        int warmRuns = Integer.parseInt(args[3]);
        int coldRuns = Integer.parseInt(args[4]);
        int throughputSeconds = Integer.parseInt(args[5]);

        try (FixtureSite site = FixtureSite.start(AVATAR_DELAY)) {
            SeleniumSettings one = new SeleniumSettings(site.baseUrl(), SCRAPE_TIMEOUT, chromium, chromedriver, 1);
            String delay = AVATAR_DELAY.toMillis() + " ms avatar";

            List<Double> warm = new ArrayList<>();
            try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(one)) {
                scraper.warmUp();
                for (int i = 0; i < WARM_UPS + warmRuns; i++) {
                    double ms = timedScrape(scraper);
                    if (i >= WARM_UPS) {
                        warm.add(ms);
                    }
                }
            }
            Tsv.append(results, "scrape-warm", delay + ", browser reused", "ms", Stats.of(warm));

            List<Double> cold = new ArrayList<>();
            for (int i = 0; i < 1 + coldRuns; i++) {
                try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(one)) {
                    double ms = timedScrape(scraper);
                    if (i >= 1) {
                        cold.add(ms);
                    }
                }
            }
            Tsv.append(results, "scrape-cold", delay + ", browser started for it", "ms", Stats.of(cold));

            SeleniumSettings pool = new SeleniumSettings(site.baseUrl(), SCRAPE_TIMEOUT, chromium, chromedriver, POOL);
            try (SeleniumProfilePictureScraper scraper = new SeleniumProfilePictureScraper(pool)) {
                scraper.warmUp();
                for (int i = 0; i < WARM_UPS; i++) {
                    timedScrape(scraper);
                }
                Tsv.append(
                        results,
                        "scrape-throughput",
                        delay + ", pool of " + POOL + ", " + CALLERS + " callers",
                        "scrapes/min",
                        throughput(scraper, throughputSeconds));
            }
        }
    }

    private static double timedScrape(SeleniumProfilePictureScraper scraper) {
        Handle handle = Handle.of("scrape" + HANDLES.incrementAndGet());
        long start = System.nanoTime();
        ScrapeVerdict outcome = scraper.scrape(handle, Deadline.after(SCRAPE_TIMEOUT));
        double ms = (System.nanoTime() - start) / 1e6;
        if (!(outcome instanceof ScrapeVerdict.Found)) {
            throw new IllegalStateException("Expected a picture for " + handle + ", got " + outcome);
        }
        return ms;
    }

    /** Scrapes per minute in each of the period's thirds (so the figure has a range), all callers busy. */
    private static Stats throughput(SeleniumProfilePictureScraper scraper, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < CALLERS; c++) {
            Thread caller = new Thread(
                    () -> {
                        for (int i = 0; i < MAX_SCRAPES_PER_CALLER && System.nanoTime() < end; i++) {
                            try {
                                timedScrape(scraper);
                                completions.add(System.nanoTime() - start);
                            } catch (RuntimeException e) {
                                failures.add(e);
                                return;
                            }
                        }
                    },
                    "scrape-caller-" + c);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(Duration.ofSeconds(seconds)
                    .plus(SCRAPE_TIMEOUT)
                    .plusSeconds(5)
                    .toMillis());
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        long third = Duration.ofSeconds(seconds).toNanos() / 3;
        List<Double> perMinute = new ArrayList<>();
        for (int window = 0; window < 3; window++) {
            long from = window * third;
            long to = from + third;
            long count = completions.stream().filter(t -> t >= from && t < to).count();
            perMinute.add(count * 60e9 / third);
        }
        return Stats.of(perMinute);
    }
}
