package com.profilepictures.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            find(refresh, "refresh-accounts-per-second", source)
                    .ifPresent(rate -> summary.add(new String[] {
                        "refresh through " + source + ", accounts per second (one environment, unpaced)",
                        fmt(rate.stats().median(), 1),
                        source.equals("crawler") ? "≥ " + fmt(RefreshBench.MIN_CRAWLER_ACCOUNTS_PER_SECOND, 0) : "—",
                        source.equals("crawler")
                                ? verdict(rate.stats().median() >= RefreshBench.MIN_CRAWLER_ACCOUNTS_PER_SECOND)
                                : "info"
                    }));
            find(refresh, "refresh-x-requests-per-account", source)
                    .ifPresent(requests -> summary.add(new String[] {
                        "refresh through " + source + ", requests to X per account",
                        fmt(requests.stats().median(), 3),
                        source.equals("x_api") ? "≤ " + fmt(RefreshBench.MAX_API_REQUESTS_PER_ACCOUNT, 2) : "—",
                        source.equals("x_api")
                                ? verdict(requests.stats().median() <= RefreshBench.MAX_API_REQUESTS_PER_ACCOUNT)
                                : "info"
                    }));
            find(refresh, "refresh-cpu-per-account", source)
                    .ifPresent(cpu -> summary.add(new String[] {
                        "refresh through " + source + ", CPU per account",
                        fmt(cpu.stats().median(), 2) + " ms",
                        "—",
                        "info"
                    }));
            find(refresh, "refresh-cost-per-million", source)
                    .ifPresent(cost -> summary.add(new String[] {
                        "refresh through " + source + ", AWS cost per million refreshes",
                        "$" + fmt(cost.stats().median(), 2),
                        "≤ $" + fmt(RefreshCost.MAX_DOLLARS_PER_MILLION, 2),
                        verdict(cost.stats().median() <= RefreshCost.MAX_DOLLARS_PER_MILLION)
                    }));
            find(refresh, "refresh-browser", source)
                    .ifPresent(browser -> summary.add(new String[] {
                        "refresh through " + source + ", accounts sent to a browser",
                        fmt(browser.stats().median(), 0),
                        "0",
                        verdict(browser.stats().median() == 0)
                    }));
        }
        rows.stream()
                .filter(row ->
                        row.figure().equals("image-warm") && row.variant().endsWith("(shipped)"))
                .findFirst()
                .ifPresent(image -> summary.add(new String[] {
                    "beside it: POST /scrape through the scrape image, warm, one account the crawler decides",
                    fmt(image.stats().median(), 0) + " ms",
                    "—",
                    "info"
                }));
        rows.stream()
                .filter(row -> row.figure().equals("source-cpu-per-scrape")
                        && row.variant().equals("browser"))
                .findFirst()
                .ifPresent(cpu -> summary.add(new String[] {
                    "beside it: a scrape in the browser, CPU per account (Chromium's processes included)",
                    fmt(cpu.stats().median(), 0) + " ms",
                    "—",
                    "info"
                }));

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
            details.append("| ")
                    .append(row.figure())
                    .append(" | ")
                    .append(row.variant())
                    .append(" | ")
                    .append(value)
                    .append(' ')
                    .append(row.unit())
                    .append(" |\n");
        }
        details.append('\n');
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
