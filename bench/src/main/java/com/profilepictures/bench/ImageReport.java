package com.profilepictures.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the scrape image's figures (ImageBench's cold start, init and warm invocation, for information:
 * Lambda's own sandbox start is not measured here) and the verdict {@link Assessment} gives another JDK's
 * cold start against the shipped image's.
 */
final class ImageReport {

    private ImageReport() {}

    /** Adds rows to the summary table (figure, measured, limit, verdict) and a section to the details. */
    static void addTo(Assessment assessment, List<String[]> summary, StringBuilder details) {
        List<Tsv.Row> image = assessment.image();
        if (image.isEmpty()) {
            return;
        }
        details.append("## Scrape image (container run as Lambda runs it, through a Lambda Runtime API)\n\n")
                .append(
                        "Cold: from creating the container to the response of its first invocation, a scrape the crawler "
                                + "decides (no Chromium starts). Init: to the runtime's first request for work. Warm: a later scrape "
                                + "on the same container.\n\n")
                .append("| figure | image | median (min–max) |\n|---|---|---|\n");
        for (Tsv.Row row : image) {
            String value = row.unit().equals("×")
                    ? fmt(row.stats().median()) + " (" + fmt(row.stats().min()) + "–"
                            + fmt(row.stats().max()) + ")"
                    : range(row.stats());
            details.append(row.detailRow(value));
        }
        details.append('\n');

        for (Tsv.Row row : image) {
            if (row.variant().endsWith("(shipped)")) {
                summary.add(new String[] {
                    row.figure() + ", " + row.variant(), range(row.stats()) + " " + row.unit(), "—", "info"
                });
            } else if (row.figure().equals("image-cold")) {
                // The verdict is on the ratio of the cold starts paired run by run.
                Optional<Tsv.Row> paired = image.stream()
                        .filter(r -> r.figure().equals("image-cold-ratio")
                                && r.variant().equals(row.variant()))
                        .findFirst();
                paired.ifPresent(ratio -> summary.add(new String[] {
                    "image-cold, " + row.variant(),
                    range(row.stats()) + " " + row.unit(),
                    "≤ " + fmt(Assessment.MAX_OTHER_JDK_IMAGE_COLD_RATIO) + "× shipped; paired ratio "
                            + fmt(ratio.stats().median()) + "× ("
                            + fmt(ratio.stats().min()) + "–" + fmt(ratio.stats().max()) + ")",
                    Assessment.otherJdkImagePasses(ratio) ? "PASS" : "FAIL"
                }));
            }
        }
    }

    private static String range(Stats stats) {
        return stats.n() == 1
                ? fmt0(stats.median())
                : fmt0(stats.median()) + " (" + fmt0(stats.min()) + "–" + fmt0(stats.max()) + ")";
    }

    private static String fmt0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
