package com.profilepictures.bench;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.adapters.xapi.BearerToken;
import com.profilepictures.adapters.xapi.XApiProfilePictureScraper;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.fixturesite.FixtureSite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * X's API against the crawler, on the same stand-in (the fixture site answers both its pages and user lookup),
 * in one JVM and one run:
 * <ol>
 *   <li>warm scrape time of one account, x_api and the crawler interleaved;
 *   <li>seconds per account of one batch request for {@link #BATCH} accounts against {@link #BATCH} single
 *       requests, interleaved round by round, each round's ratio kept (limit: at least
 *       {@link Assessment.XApi#MIN_BATCH_SPEEDUP}× fewer seconds per account).
 * </ol>
 * Arguments: results file, warm runs, batch rounds.
 */
public final class XApiBench {

    static final int BATCH = XApiSettings.MAX_USERNAMES_PER_REQUEST;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int WARM_UPS = 5;

    private XApiBench() {}

    public static void main(String[] args) {
        Path results = Path.of(args[0]);
        int warmRuns = Integer.parseInt(args[1]);
        int batchRounds = Integer.parseInt(args[2]);
        try (FixtureSite site = FixtureSite.start(CrawlerBench.AVATAR_DELAY)) {
            XApiProfilePictureScraper api = new XApiProfilePictureScraper(
                    XApiSettings.of(site.baseUrl(), BearerToken.of(FixtureSite.X_API_TOKEN)), Clock.systemUTC());
            warm(results, api, crawler(site.baseUrl()), warmRuns);
            batch(results, site, api, batchRounds);
        }
    }

    private static void warm(Path results, ProfilePictureScraper api, ProfilePictureScraper crawler, int runs) {
        List<Double> apiMs = new ArrayList<>();
        List<Double> crawlerMs = new ArrayList<>();
        for (int i = 0; i < WARM_UPS + runs; i++) {
            Handle asking = Handle.of("xw_" + i);
            Handle crawling = Handle.of("cw_" + i);
            double asked = timed(() -> found(api.scrape(asking, Deadline.after(TIMEOUT))));
            double crawled = timed(() -> found(crawler.scrape(crawling, Deadline.after(TIMEOUT))));
            if (i >= WARM_UPS) {
                apiMs.add(asked);
                crawlerMs.add(crawled);
            }
        }
        Tsv.append(results, "xapi-warm", "x_api", "ms", Stats.of(apiMs));
        Tsv.append(results, "xapi-warm", "crawler", "ms", Stats.of(crawlerMs));
    }

    private static void batch(Path results, FixtureSite site, XApiProfilePictureScraper api, int rounds) {
        List<Double> batchMsPerAccount = new ArrayList<>();
        List<Double> singleMsPerAccount = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = -1; round < rounds; round++) { // round -1 warms both forms up
            String prefix = "r" + (round + 1) + "_";
            List<Handle> batchHandles = IntStream.range(0, BATCH)
                    .mapToObj(i -> Handle.of(prefix + "b" + i))
                    .toList();
            List<Handle> singleHandles = IntStream.range(0, BATCH)
                    .mapToObj(i -> Handle.of(prefix + "s" + i))
                    .toList();
            int before = site.xApiRequests().size();
            double batchMs = timed(() -> {
                Map<Handle, ScrapeVerdict> verdicts = api.scrapeAll(batchHandles, Deadline.after(TIMEOUT));
                verdicts.values().forEach(XApiBench::found);
                if (verdicts.size() != BATCH) {
                    throw new IllegalStateException("a verdict per account, not " + verdicts.size());
                }
            });
            if (site.xApiRequests().size() - before != 1) {
                throw new IllegalStateException(
                        "the batch took " + (site.xApiRequests().size() - before) + " requests");
            }
            double singleMs =
                    timed(() -> singleHandles.forEach(handle -> found(api.scrape(handle, Deadline.after(TIMEOUT)))));
            if (round >= 0) {
                batchMsPerAccount.add(batchMs / BATCH);
                singleMsPerAccount.add(singleMs / BATCH);
                ratios.add(singleMs / batchMs);
            }
        }
        Tsv.append(results, "xapi-per-account", "one request for " + BATCH, "ms", Stats.of(batchMsPerAccount));
        Tsv.append(results, "xapi-per-account", BATCH + " single requests", "ms", Stats.of(singleMsPerAccount));
        Tsv.append(results, "xapi-batch-speedup", "single / batch, per round", "x", Stats.of(ratios));
    }

    private static ProfilePictureScraper crawler(URI site) {
        return new CrawlerProfilePictureScraper(CrawlerSettings.of(site, CrawlerUserAgent.ofThisService()));
    }

    private static void found(ScrapeVerdict verdict) {
        if (!(verdict instanceof ScrapeVerdict.Found)) {
            throw new IllegalStateException("Expected a picture, got " + verdict);
        }
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
