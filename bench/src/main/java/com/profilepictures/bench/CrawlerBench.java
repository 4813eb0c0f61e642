package com.profilepictures.bench;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.crawler.CrawlerSettings;
import com.profilepictures.adapters.crawler.CrawlerUserAgent;
import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The crawler against the browser, on the same fixture page (its app renders the avatar 200 ms after load,
 * as a quick X would; its server page carries the profile for crawlers), all in one run:
 * <ol>
 *   <li>warm scrape time, the crawler and a warm browser interleaved in one JVM;
 *   <li>CPU time per scrape and peak resident memory, each side in a fresh JVM of its own that does
 *       nothing else, the browser's own processes (chromedriver, Chromium and its helpers) included;
 *   <li>a fresh process's first scrape decided by the crawler (the real ScrapeFunction entry class, with its
 *       DynamoDB write) against a read function's cold start (GetProfilePictureFunction), with the same JDK
 *       and the same JVM options, interleaved.
 * </ol>
 * Arguments: results file, chromium, chromedriver, warm runs, cold runs, scrape classpath, read classpath,
 * events folder. A child mode ({@code cost crawler|browser baseUrl count chromium chromedriver}) measures one side.
 */
public final class CrawlerBench {

    static final Duration AVATAR_DELAY = ScrapeBench.AVATAR_DELAY;
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(20);
    private static final int WARM_UPS = 3;
    private static final int COST_SCRAPES = 20;
    private static final Pattern COST_LINE = Pattern.compile("COST cpuMs=([0-9.]+) peakRssKb=(\\d+) scrapes=(\\d+)");
    private static final Pattern COLD_LINE = Pattern.compile("COLD answeredEpochNanos=(\\d+)");
    /** Step 2 of the cold-start ladder (bench/README.md): what the functions' cold starts are judged at. */
    static final List<String> LADDER_STEP_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private CrawlerBench() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("cost")) {
            measureCost(args[1], URI.create(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), Path.of(args[5]));
            return;
        }
        Path results = Path.of(args[0]);
        Path chromium = Path.of(args[1]);
        Path chromedriver = Path.of(args[2]);
        int warmRuns = Integer.parseInt(args[3]);
        int coldRuns = Integer.parseInt(args[4]);
        String scrapeClasspath = args[5];
        String readClasspath = args[6];
        Path events = Path.of(args[7]);

        try (FixtureSite site = FixtureSite.start(AVATAR_DELAY)) {
            warm(results, site.baseUrl(), chromium, chromedriver, warmRuns);
            cost(results, site.baseUrl(), chromium, chromedriver);
            firstScrapeAgainstReadColdStart(results, site.baseUrl(), coldRuns, scrapeClasspath, readClasspath, events);
        }
    }

    private static void warm(Path results, URI site, Path chromium, Path chromedriver, int runs) {
        List<Double> crawler = new ArrayList<>();
        List<Double> browser = new ArrayList<>();
        try (SeleniumProfilePictureScraper selenium = new SeleniumProfilePictureScraper(
                new SeleniumSettings(site, SCRAPE_TIMEOUT, chromium, chromedriver, 1))) {
            ProfilePictureScraper crawl = crawler(site);
            selenium.warmUp();
            for (int i = 0; i < WARM_UPS + runs; i++) {
                double crawled = timedScrape(crawl, "warm_c" + i);
                double rendered = timedScrape(selenium, "warm_b" + i);
                if (i >= WARM_UPS) {
                    crawler.add(crawled);
                    browser.add(rendered);
                }
            }
        }
        String page = AVATAR_DELAY.toMillis() + " ms avatar";
        Tsv.append(results, "source-warm", page + " | crawler", "ms", Stats.of(crawler));
        Tsv.append(results, "source-warm", page + " | browser (reused)", "ms", Stats.of(browser));
    }

    private static void cost(Path results, URI site, Path chromium, Path chromedriver) throws Exception {
        for (String side : List.of("crawler", "browser")) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrawlerBench.class.getName(),
                    "cost",
                    side,
                    site.toString(),
                    Integer.toString(COST_SCRAPES),
                    chromium.toString(),
                    chromedriver.toString());
            String output = run(command, Map.of());
            Matcher matcher = COST_LINE.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException(side + " printed no COST line:\n" + output);
            }
            double cpuMs = Double.parseDouble(matcher.group(1)) / Integer.parseInt(matcher.group(3));
            double peakMb = Long.parseLong(matcher.group(2)) / 1024.0;
            Tsv.append(results, "source-cpu-per-scrape", side, "ms", Stats.of(List.of(cpuMs)));
            Tsv.append(results, "source-peak-rss", side, "MB", Stats.of(List.of(peakMb)));
        }
    }

    /** Child mode: warm one side up, then count the CPU its process tree spends on {@code count} scrapes. */
    private static void measureCost(String side, URI site, int count, Path chromium, Path chromedriver)
            throws Exception {
        Path workRoot = Files.createTempDirectory("cb");
        SeleniumProfilePictureScraper selenium = side.equals("browser")
                ? new SeleniumProfilePictureScraper(
                        new SeleniumSettings(site, SCRAPE_TIMEOUT, chromium, chromedriver, 1, workRoot))
                : null;
        ProfilePictureScraper scraper = selenium != null ? selenium : crawler(site);
        try {
            for (int i = 0; i < WARM_UPS; i++) {
                timedScrape(scraper, "cost_w" + i);
            }
            double cpuBefore = treeCpuMillis();
            for (int i = 0; i < count; i++) {
                timedScrape(scraper, "cost_" + i);
            }
            double cpuAfter = treeCpuMillis();
            System.out.println(
                    "COST cpuMs=" + (cpuAfter - cpuBefore) + " peakRssKb=" + treePeakRssKb() + " scrapes=" + count);
        } finally {
            if (selenium != null) {
                selenium.close();
            }
            Files.deleteIfExists(workRoot);
        }
    }

    private static void firstScrapeAgainstReadColdStart(
            Path results, URI site, int runs, String scrapeClasspath, String readClasspath, Path events)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        Map<String, String> scrapeEnvironment = Map.of("X_BASE_URL", site.toString(), "SCRAPE_TIMEOUT", "PT16S");
        for (int round = 0; round < 1 + runs; round++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean scrape = (round + turn) % 2 == 0;
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(LADDER_STEP_FLAGS);
                command.addAll(List.of(
                        "-cp",
                        scrape ? scrapeClasspath : readClasspath,
                        "com.profilepictures.bench.cold.ColdFunction",
                        scrape
                                ? "com.profilepictures.bootstrap.scrape.ScrapeFunction"
                                : "com.profilepictures.bootstrap.read.GetProfilePictureFunction",
                        events.resolve(scrape ? "scrape.json" : "get-profile-pic.json")
                                .toString()));
                Instant launched = Instant.now();
                String output = run(command, scrape ? scrapeEnvironment : Map.of());
                Matcher matcher = COLD_LINE.matcher(output);
                if (!matcher.find()) {
                    throw new IllegalStateException("no COLD line:\n" + output);
                }
                long launchedNanos = launched.getEpochSecond() * 1_000_000_000L + launched.getNano();
                double wallMs = (Long.parseLong(matcher.group(1)) - launchedNanos) / 1e6;
                if (round >= 1) {
                    walls.computeIfAbsent(
                                    scrape ? "first scrape, crawler" : "get-profile-picture", k -> new ArrayList<>())
                            .add(wallMs);
                }
            }
        }
        walls.forEach((side, values) -> Tsv.append(results, "source-cold", "step 2 | " + side, "ms", Stats.of(values)));
    }

    private static ProfilePictureScraper crawler(URI site) {
        return new CrawlerProfilePictureScraper(CrawlerSettings.of(site, CrawlerUserAgent.ofThisService()));
    }

    private static double timedScrape(ProfilePictureScraper scraper, String handle) {
        long start = System.nanoTime();
        ScrapeVerdict verdict = scraper.scrape(Handle.of(handle), Deadline.after(SCRAPE_TIMEOUT));
        double ms = (System.nanoTime() - start) / 1e6;
        if (!(verdict instanceof ScrapeVerdict.Found)) {
            throw new IllegalStateException("Expected a picture for " + handle + ", got " + verdict);
        }
        return ms;
    }

    /** CPU time of this JVM and of every process below it (chromedriver, Chromium and its helpers), in ms. */
    private static double treeCpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double own = os.getProcessCpuTime() / 1e6;
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            return own
                    + descendants
                            .mapToDouble(process -> process.info()
                                            .totalCpuDuration()
                                            .map(Duration::toNanos)
                                            .orElse(0L)
                                    / 1e6)
                            .sum();
        }
    }

    /** The peak resident set (VmHWM) of this JVM plus that of every process below it, in KiB. */
    private static long treePeakRssKb() {
        long total = peakRssKb(ProcessHandle.current().pid());
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            total += descendants.mapToLong(process -> peakRssKb(process.pid())).sum();
        }
        return total;
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // Exited meanwhile: it holds no memory now.
        }
        return 0;
    }

    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
