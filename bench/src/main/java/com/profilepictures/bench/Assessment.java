package com.profilepictures.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run's figures say against their limits. Every verdict is decided here, from the rows of
 * results.tsv and nothing else; {@link Report} only prints what this holds.
 */
final class Assessment {

    static final double MAX_JAR_MB = 15;
    static final double MAX_COLD_RATIO = 1.3;
    static final double MAX_WARM_RATIO = 1.2;
    static final double AVATAR_MS = ScrapeBench.AVATAR_DELAY.toMillis();
    static final double MAX_WARM_SCRAPE_MS = 1.5 * AVATAR_MS;
    static final double MIN_COLD_OVER_WARM = 3;

    static final String GET = "get-profile-picture";
    static final String LIST = "list-profile-pictures";
    static final String BASELINE = "baseline";
    static final List<String> COLD_SIDES = List.of(GET, LIST, BASELINE, ColdStartRunner.SCAN_BASELINE);

    enum Verdict {
        PASS,
        FAIL,
        INFO;

        static Verdict of(boolean pass) {
            return pass ? PASS : FAIL;
        }
    }

    /** The read jar: its size and how many Selenium classes it holds. */
    record Jar(double megabytes, long seleniumClasses) {
        Verdict sizeVerdict() {
            return Verdict.of(megabytes < MAX_JAR_MB);
        }

        Verdict seleniumVerdict() {
            return Verdict.of(seleniumClasses == 0);
        }
    }

    /** Classes one cold invocation of a side loads, for information. */
    record ClassCount(String side, Stats total, Stats fromJar) {}

    /** One side's times against another's in the same step: ratios of the medians. */
    record Comparison(Stats otherFirst, Stats otherWall, double firstRatio, double wallRatio) {
        static Comparison of(Stats first, Stats wall, Stats otherFirst, Stats otherWall) {
            return new Comparison(
                    otherFirst, otherWall, first.median() / otherFirst.median(), wall.median() / otherWall.median());
        }

        boolean within(double limit) {
            return firstRatio <= limit && wallRatio <= limit;
        }
    }

    /**
     * One side of one cold-start step. A function is held against the GetItem baseline; list-profile-pictures
     * is also compared, for information, with baseline-scan (the same request it makes).
     */
    record ColdSide(
            String step,
            String side,
            Stats first,
            Stats wall,
            Stats init,
            Stats firstCall,
            Optional<Comparison> vsBaseline,
            Optional<Comparison> vsScan) {

        boolean isBaseline() {
            return vsBaseline.isEmpty();
        }

        Verdict verdict() {
            if (isInformational(step)) {
                return Verdict.INFO;
            }
            return vsBaseline.map(c -> Verdict.of(c.within(MAX_COLD_RATIO))).orElse(Verdict.INFO);
        }
    }

    /**
     * A read function's first request after SnapStart priming against the same request without it, each in
     * a fresh JVM; information (the class count has its limit in PrimingTest).
     */
    record Priming(
            String jdk,
            String side,
            Stats primedFirstRequest,
            Stats unprimedFirstRequest,
            Stats primedClasses,
            Stats unprimedClasses,
            Stats primedHooks) {

        double firstRequestRatio() {
            return primedFirstRequest.median() / unprimedFirstRequest.median();
        }

        double classesRatio() {
            return primedClasses.median() / unprimedClasses.median();
        }
    }

    /** A warm handler and the raw SDK call it makes, measured side by side; absent figures fail. */
    record WarmPair(
            String label,
            String handler,
            String raw,
            Optional<Stats> handlerStats,
            Optional<Stats> rawStats,
            Optional<Stats> pairedRatio) {

        boolean measured() {
            return handlerStats.isPresent() && rawStats.isPresent() && pairedRatio.isPresent();
        }

        // On the ratio within each round (both measured back to back), not on medians taken at different times.
        Verdict verdict() {
            return Verdict.of(measured() && pairedRatio.get().median() <= MAX_WARM_RATIO);
        }
    }

    /** Scraping against the fixture site: a reused browser, a browser started for the scrape, and throughput. */
    record Scrape(Optional<Tsv.Row> warm, Optional<Tsv.Row> cold, Optional<Tsv.Row> throughput) {
        Optional<Verdict> warmVerdict() {
            return warm.map(w -> Verdict.of(w.stats().median() <= MAX_WARM_SCRAPE_MS));
        }

        Optional<Verdict> coldVerdict() {
            return warm.flatMap(w -> cold.map(c -> Verdict.of(
                    c.stats().median() >= MIN_COLD_OVER_WARM * w.stats().median())));
        }
    }

    /** The crawler against the browser (CrawlerBench): same page, same run. */
    record Sources(List<Tsv.Row> rows) {
        static final double MIN_WARM_SPEEDUP = 10;
        static final double MAX_FIRST_SCRAPE_OVER_READ_COLD = 2;

        Optional<Tsv.Row> row(String figure, String variantEnd) {
            return rows.stream()
                    .filter(row -> row.figure().equals(figure) && row.variant().endsWith(variantEnd))
                    .findFirst();
        }

        /** How many times faster the crawler's warm scrape is than a warm browser's. */
        Optional<Double> warmSpeedup() {
            return row("source-warm", "browser (reused)")
                    .flatMap(browser -> row("source-warm", "crawler")
                            .map(crawler ->
                                    browser.stats().median() / crawler.stats().median()));
        }

        Optional<Verdict> warmVerdict() {
            return warmSpeedup().map(speedup -> Verdict.of(speedup >= MIN_WARM_SPEEDUP));
        }

        /** A fresh process's first scrape decided by the crawler over a read function's cold start. */
        Optional<Double> firstScrapeOverReadCold() {
            return row("source-cold", "first scrape, crawler")
                    .flatMap(scrape -> row("source-cold", "get-profile-picture")
                            .map(read -> scrape.stats().median() / read.stats().median()));
        }

        Optional<Verdict> coldVerdict() {
            return firstScrapeOverReadCold().map(ratio -> Verdict.of(ratio <= MAX_FIRST_SCRAPE_OVER_READ_COLD));
        }
    }

    /** X's API against the crawler, and its batch form against single requests (XApiBench): same stand-in, same run. */
    record XApi(List<Tsv.Row> rows) {
        static final double MIN_BATCH_SPEEDUP = 20;

        Optional<Tsv.Row> row(String figure, String variantStart) {
            return rows.stream()
                    .filter(row -> row.figure().equals(figure) && row.variant().startsWith(variantStart))
                    .findFirst();
        }

        /** How x_api's warm scrape compares with the crawler's: x_api's median over the crawler's. */
        Optional<Double> warmOverCrawler() {
            return row("xapi-warm", "x_api")
                    .flatMap(api -> row("xapi-warm", "crawler")
                            .map(crawler ->
                                    api.stats().median() / crawler.stats().median()));
        }

        /** How many times fewer seconds per account one request for 100 takes than 100 single ones (per round). */
        Optional<Double> batchSpeedup() {
            return row("xapi-batch-speedup", "").map(row -> row.stats().median());
        }

        Optional<Verdict> batchVerdict() {
            return batchSpeedup().map(speedup -> Verdict.of(speedup >= MIN_BATCH_SPEEDUP));
        }
    }

    private final List<Tsv.Row> rows;
    private final Jar jar;

    Assessment(List<Tsv.Row> rows, Jar jar) {
        this.rows = List.copyOf(rows);
        this.jar = jar;
    }

    Jar jar() {
        return jar;
    }

    List<ClassCount> classCounts() {
        List<ClassCount> counts = new ArrayList<>();
        for (String side : COLD_SIDES) {
            find("classes-loaded", side)
                    .ifPresent(total -> counts.add(new ClassCount(
                            side,
                            total.stats(),
                            find("classes-loaded-from-jars", side).orElseThrow().stats())));
        }
        return counts;
    }

    Optional<ClassCount> baselineClassCount() {
        return classCounts().stream()
                .filter(count -> count.side().equals(BASELINE))
                .findFirst();
    }

    /** Steps on another JDK than the functions are built for, measured for information. */
    static boolean isInformational(String step) {
        return step.contains(ColdStartRunner.INFO_STEP);
    }

    /** The cold-start steps in the order they ran. */
    List<String> coldSteps() {
        Set<String> steps = new LinkedHashSet<>();
        for (Tsv.Row row : rows) {
            if (row.figure().equals("cold-first-response")) {
                steps.add(row.variant().substring(0, row.variant().indexOf(" | ")));
            }
        }
        return List.copyOf(steps);
    }

    List<ColdSide> coldSides(String step) {
        Stats baseFirst = stats("cold-first-response", step, BASELINE).orElseThrow();
        Stats baseWall = stats("cold-wall", step, BASELINE).orElseThrow();
        Optional<Stats> scanFirst = stats("cold-first-response", step, ColdStartRunner.SCAN_BASELINE);
        Optional<Stats> scanWall = stats("cold-wall", step, ColdStartRunner.SCAN_BASELINE);
        List<ColdSide> sides = new ArrayList<>();
        for (String side : COLD_SIDES) {
            Optional<Stats> first = stats("cold-first-response", step, side);
            if (first.isEmpty()) {
                continue;
            }
            Stats wall = stats("cold-wall", step, side).orElseThrow();
            boolean baseline = side.startsWith(BASELINE);
            Optional<Comparison> vsBaseline =
                    baseline ? Optional.empty() : Optional.of(Comparison.of(first.get(), wall, baseFirst, baseWall));
            Optional<Comparison> vsScan = side.equals(LIST) && scanFirst.isPresent() && scanWall.isPresent()
                    ? Optional.of(Comparison.of(first.get(), wall, scanFirst.get(), scanWall.get()))
                    : Optional.empty();
            sides.add(new ColdSide(
                    step,
                    side,
                    first.get(),
                    wall,
                    stats("cold-init", step, side).orElseThrow(),
                    stats("cold-first-call", step, side).orElseThrow(),
                    vsBaseline,
                    vsScan));
        }
        return sides;
    }

    List<Priming> priming() {
        List<Priming> found = new ArrayList<>();
        Set<String> functions = new LinkedHashSet<>();
        for (Tsv.Row row : rows) {
            if (row.figure().equals("priming-first-request")) {
                functions.add(row.variant().substring(0, row.variant().lastIndexOf(" | ")));
            }
        }
        for (String function : functions) {
            String[] jdkAndSide = function.split(" \\| ");
            Optional<Stats> primed = find("priming-first-request", function + " | " + ColdStartRunner.PRIMED)
                    .map(Tsv.Row::stats);
            Optional<Stats> unprimed = find("priming-first-request", function + " | " + ColdStartRunner.UNPRIMED)
                    .map(Tsv.Row::stats);
            if (primed.isPresent() && unprimed.isPresent()) {
                found.add(new Priming(
                        jdkAndSide[0],
                        jdkAndSide[1],
                        primed.get(),
                        unprimed.get(),
                        find("priming-classes-loaded", function + " | " + ColdStartRunner.PRIMED)
                                .orElseThrow()
                                .stats(),
                        find("priming-classes-loaded", function + " | " + ColdStartRunner.UNPRIMED)
                                .orElseThrow()
                                .stats(),
                        find("priming-hooks", function + " | " + ColdStartRunner.PRIMED)
                                .orElseThrow()
                                .stats()));
            }
        }
        return found;
    }

    /** Each side's first response with JDK 25's AOT cache against AppCDS on the ladder's JDK, same options; information. */
    record AotBesideAppCds(String side, Stats appCds, Stats aot) {
        double ratio() {
            return aot.median() / appCds.median();
        }
    }

    List<AotBesideAppCds> aotBesideAppCds() {
        List<AotBesideAppCds> found = new ArrayList<>();
        for (String side : COLD_SIDES) {
            Optional<Stats> appCds = stats("cold-first-response", ColdStartRunner.APP_CDS_STEP, side);
            Optional<Stats> aot = stats("cold-first-response", ColdStartRunner.AOT_STEP, side);
            if (appCds.isPresent() && aot.isPresent()) {
                found.add(new AotBesideAppCds(side, appCds.get(), aot.get()));
            }
        }
        return found;
    }

    List<WarmPair> warmPairs() {
        return List.of(
                warmPair("warm GET /user/{handle}/profile_pic handler", "getProfilePictureHandler", "rawGetItem"),
                warmPair("warm GET /users handler", "listProfilePicturesHandler", "rawScan"));
    }

    /** Every warm figure as measured (each benchmark, each paired ratio), for the details. */
    List<Tsv.Row> warmRows() {
        return rows.stream()
                .filter(row -> row.figure().equals("warm") || row.figure().equals("warm-ratio"))
                .toList();
    }

    /** The local API's figures (archiving's lag and the image route's latency among them); information only. */
    List<Tsv.Row> localApi() {
        List<Tsv.Row> found = new ArrayList<>();
        for (String figure : List.of(
                "local-api-p50",
                "local-api-p99",
                "local-api-throughput",
                "archive-lag",
                "local-api-profile-p50",
                "local-api-image-p50")) {
            find(figure, null).ifPresent(found::add);
        }
        return found;
    }

    /** A JDK replaces the image's shipped one only if its cold start is no more than 10 % worse, in the same run. */
    static final double MAX_OTHER_JDK_IMAGE_COLD_RATIO = 1.10;

    /** The scrape image's figures, in the order measured. */
    List<Tsv.Row> image() {
        return rows.stream().filter(row -> row.figure().startsWith("image-")).toList();
    }

    /** The verdict on another JDK's image, from its cold start paired run by run with the shipped image's. */
    static boolean otherJdkImagePasses(Tsv.Row pairedColdRatio) {
        return pairedColdRatio.stats().median() <= MAX_OTHER_JDK_IMAGE_COLD_RATIO;
    }

    Sources sources() {
        return new Sources(
                rows.stream().filter(row -> row.figure().startsWith("source-")).toList());
    }

    XApi xApi() {
        return new XApi(
                rows.stream().filter(row -> row.figure().startsWith("xapi-")).toList());
    }

    Scrape scrape() {
        return new Scrape(find("scrape-warm", null), find("scrape-cold", null), find("scrape-throughput", null));
    }

    private WarmPair warmPair(String label, String handler, String raw) {
        return new WarmPair(
                label,
                handler,
                raw,
                find("warm", handler).map(Tsv.Row::stats),
                find("warm", raw).map(Tsv.Row::stats),
                find("warm-ratio", handler + " / " + raw).map(Tsv.Row::stats));
    }

    private Optional<Stats> stats(String figure, String step, String side) {
        return find(figure, step + " | " + side).map(Tsv.Row::stats);
    }

    /** The last row of that figure (and variant, unless null): a stage run twice reports its later run. */
    private Optional<Tsv.Row> find(String figure, String variant) {
        return rows.stream()
                .filter(row -> row.figure().equals(figure)
                        && (variant == null || row.variant().equals(variant)))
                .reduce((first, second) -> second);
    }
}
