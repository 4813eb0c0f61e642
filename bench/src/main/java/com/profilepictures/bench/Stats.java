package com.profilepictures.bench;

import java.util.Arrays;
import java.util.List;

/** Median and range of repeated measurements; each figure in RESULTS.md is one of these. */
public record Stats(int n, double median, double min, double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, median, sorted[0], sorted[n - 1]);
    }

    /** The value at quantile {@code q} (0..1) of already sorted values, nearest rank. */
    public static double quantile(long[] sorted, int count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.min(count - 1, Math.max(0, rank - 1))];
    }
}
