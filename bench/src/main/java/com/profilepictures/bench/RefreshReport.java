package com.profilepictures.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;

/**
 * Prints the refresh's figures ({@link RefreshBench}): per source, accounts per second, CPU and X requests per
 * account, how the accounts ended and the AWS cost of a million refreshes, each beside its limit, and
 * {@code POST /scrape} through the browser image beside them when the image stage ran in the same run.
 */
final class RefreshReport {

    private RefreshReport() {}

    /** Adds rows to the summary table (figure, measured, limit, verdict) and a section to the details. */
    static void addTo(List<Tsv.Row> rows, List<String[]> summary, StringBuilder details) {
        List<Tsv.Row> refresh =
                rows.stream().filter(row -> row.figure().startsWith("refresh-")).toList();
        if (refresh.isEmpty()) {
            return;
        }
        for (String source : List.of("crawler", "x_api")) {
            String of = "refresh through " + source + ", ";
            add(
                    summary,
                    find(refresh, "refresh-accounts-per-second", source),
                    of + "accounts per second (one environment, unpaced)",
                    median -> fmt(median, 1),
                    source.equals("crawler")
                            ? Optional.of(new Limit(
                                    "≥ " + fmt(RefreshBench.MIN_CRAWLER_ACCOUNTS_PER_SECOND, 0),
                                    median -> median >= RefreshBench.MIN_CRAWLER_ACCOUNTS_PER_SECOND))
                            : Optional.empty());
            add(
                    summary,
                    find(refresh, "refresh-x-requests-per-account", source),
                    of + "requests to X per account",
                    median -> fmt(median, 3),
                    source.equals("x_api")
                            ? Optional.of(new Limit(
                                    "≤ " + fmt(RefreshBench.MAX_API_REQUESTS_PER_ACCOUNT, 2),
                                    median -> median <= RefreshBench.MAX_API_REQUESTS_PER_ACCOUNT))
                            : Optional.empty());
            add(
                    summary,
                    find(refresh, "refresh-cpu-per-account", source),
                    of + "CPU per account",
                    median -> fmt(median, 2) + " ms",
                    Optional.empty());
            add(
                    summary,
                    find(refresh, "refresh-cost-per-million", source),
                    of + "AWS cost per million refreshes",
                    median -> "$" + fmt(median, 2),
                    Optional.of(new Limit(
                            "≤ $" + fmt(RefreshCost.MAX_DOLLARS_PER_MILLION, 2),
                            median -> median <= RefreshCost.MAX_DOLLARS_PER_MILLION)));
            add(
                    summary,
                    find(refresh, "refresh-browser", source),
                    of + "accounts sent to a browser",
                    median -> fmt(median, 0),
                    Optional.of(new Limit("0", median -> median == 0)));
        }
        add(
                summary,
                rows.stream()
                        .filter(row -> row.figure().equals("image-warm")
                                && row.variant().endsWith("(shipped)"))
                        .findFirst(),
                "beside it: POST /scrape through the scrape image, warm, one account the crawler decides",
                median -> fmt(median, 0) + " ms",
                Optional.empty());
        add(
                summary,
                rows.stream()
                        .filter(row -> row.figure().equals("source-cpu-per-scrape")
                                && row.variant().equals("browser"))
                        .findFirst(),
                "beside it: a scrape in the browser, CPU per account (Chromium's processes included)",
                median -> fmt(median, 0) + " ms",
                Optional.empty());

        details.append("## The refresh (2,000 stored accounts, a tenth changed on X; RefreshBench)\n\n")
                .append("One worker's environment, batch by batch at the template's sizes (10 with the crawler, 100 "
                        + "with X's API), unpaced, with the real adapters against the fixture site and moto on "
                        + "loopback. CPU: this JVM's threads but the fixture site's. Cost of a million refreshes at "
                        + "us-east-1 list prices (")
                .append(RefreshCost.PRICES_AS_OF)
                .append("): the worker's Lambda requests and GB-seconds (arm64, ")
                .append(fmt(RefreshCost.WORKER_MEMORY_GB, 0))
                .append(" GB) from the measured batch durations, SQS requests, DynamoDB writes and reads; X's own "
                        + "charges excluded, as are the log lines, the mappings' idle polls and the archive function's "
                        + "reading of the refresh's stream records.\n\n")
                .append("| figure | variant | value |\n|---|---|---|\n");
        for (Tsv.Row row : refresh) {
            Stats stats = row.stats();
            String value = stats.n() == 1
                    ? fmt(stats.median(), decimals(row))
                    : fmt(stats.median(), 1) + " (" + fmt(stats.min(), 1) + "–" + fmt(stats.max(), 1) + ")";
            details.append(row.detailRow(value));
        }
        details.append('\n');
    }

    /** A limit as the summary shows it, and whether a median keeps to it. */
    private record Limit(String shown, DoublePredicate passes) {}

    /**
     * The summary's row for {@code row}'s median, if it was measured: shown, beside its limit and verdict, or for
     * information when it has none.
     */
    private static void add(
            List<String[]> summary,
            Optional<Tsv.Row> row,
            String figure,
            DoubleFunction<String> shown,
            Optional<Limit> limit) {
        row.ifPresent(measured -> {
            double median = measured.stats().median();
            summary.add(new String[] {
                figure,
                shown.apply(median),
                limit.map(Limit::shown).orElse("—"),
                limit.map(kept -> verdict(kept.passes().test(median))).orElse("info")
            });
        });
    }

    private static int decimals(Tsv.Row row) {
        return switch (row.unit()) {
            case "$" -> 4;
            case "requests" -> 3;
            case "accounts" -> 0;
            default -> 2;
        };
    }

    private static Optional<Tsv.Row> find(List<Tsv.Row> rows, String figure, String variantStart) {
        return rows.stream()
                .filter(row -> row.figure().equals(figure) && row.variant().startsWith(variantStart))
                .findFirst();
    }

    private static String verdict(boolean passes) {
        return passes ? "PASS" : "FAIL";
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
