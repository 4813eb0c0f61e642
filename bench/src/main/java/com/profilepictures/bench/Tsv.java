package com.profilepictures.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one result format every stage writes to bench/out/results.tsv: {@code figure, variant, unit, n,
 * median, min, max}. Report reads them back, pairs each figure with its limit and writes RESULTS.md.
 */
public final class Tsv {

    public record Row(String figure, String variant, String unit, Stats stats) {

        /** The row in a report's figure / variant / value table, {@code value} shown in the row's unit. */
        String detailRow(String value) {
            return "| " + figure + " | " + variant + " | " + value + " " + unit + " |\n";
        }
    }

    private Tsv() {}

    public static void append(Path file, String figure, String variant, String unit, Stats stats) {
        String line = String.join(
                        "\t",
                        figure,
                        variant,
                        unit,
                        Integer.toString(stats.n()),
                        format(stats.median()),
                        format(stats.min()),
                        format(stats.max()))
                + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(
                Locale.ROOT,
                "  %-28s %-34s median %10.3f  min %10.3f  max %10.3f %s (n=%d)%n",
                figure,
                variant,
                stats.median(),
                stats.min(),
                stats.max(),
                unit,
                stats.n());
    }

    public static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Row(
                        f[0],
                        f[1],
                        f[2],
                        new Stats(
                                Integer.parseInt(f[3]),
                                Double.parseDouble(f[4]),
                                Double.parseDouble(f[5]),
                                Double.parseDouble(f[6]))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
