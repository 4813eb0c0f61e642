package com.profilepictures.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link WarmReadBenchmark} and turns each measured iteration into one sample per benchmark, and
 * one paired ratio (handler / raw call, same iteration) per handler. Arguments: results file, events
 * folder, item key.
 */
public final class WarmRunner {

    /** Handler, then the raw call it makes. */
    private static final Map<String, String> PAIRS =
            Map.of("getProfilePictureHandler", "rawGetItem", "listProfilePicturesHandler", "rawScan");

    private WarmRunner() {}

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        Options options = new OptionsBuilder()
                .include(WarmReadBenchmark.class.getName())
                // Each request's log line is still built, but not written: thousands of them would flood the run.
                .jvmArgsAppend("-Dbench.events=" + args[1], "-Dbench.key=" + args[2], "-DLOG_LEVEL=OFF")
                .build();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (RunResult run : new Runner(options).run()) {
            for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    for (Map.Entry<String, Result> secondary :
                            iteration.getSecondaryResults().entrySet()) {
                        samples.computeIfAbsent(secondary.getKey(), k -> new ArrayList<>())
                                .add(secondary.getValue().getScore());
                    }
                }
            }
        }
        System.out.println("Per measured iteration:");
        samples.forEach((benchmark, values) -> Tsv.append(results, "warm", benchmark, "µs/op", Stats.of(values)));
        PAIRS.forEach((handler, raw) -> {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < samples.get(handler).size(); i++) {
                ratios.add(samples.get(handler).get(i) / samples.get(raw).get(i));
            }
            Tsv.append(results, "warm-ratio", handler + " / " + raw, "×", Stats.of(ratios));
        });
    }
}
