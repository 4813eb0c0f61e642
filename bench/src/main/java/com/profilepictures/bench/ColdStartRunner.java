package com.profilepictures.bench;

import com.profilepictures.domain.PageRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold starts: fresh {@code java} processes of each side (the two read functions, the baseline that
 * only builds the same DynamoDB client and makes one GetItem, and for information the same client making
 * list-profile-pictures' one Scan), interleaved, on one ladder of JVM
 * options. Every side of a step gets exactly the same options and classpath (the shipped read jar plus
 * the tiny cold-start mains); AppCDS gives each side an archive trained on that side.
 *
 * <p>Arguments: classpath, events folder, item key, output folder, runs, warm-up runs.
 */
public final class ColdStartRunner {

    private static final Pattern COLD_LINE = Pattern.compile(
            "COLD answeredEpochNanos=(\\d+) parseNanos=(\\d+) initNanos=(\\d+) firstCallNanos=(\\d+)");
    private static final long RUN_TIMEOUT_SECONDS = 60;
    static final String SCAN_BASELINE = "baseline-scan";

    record Side(String name, List<String> mainAndArgs) {}

    record Step(String name, List<String> flags, boolean appCds) {}

    private final String classpath;
    private final Path out;

    private ColdStartRunner(String classpath, Path out) {
        this.classpath = classpath;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        Path events = Path.of(args[1]);
        String itemKey = args[2];
        Path out = Path.of(args[3]);
        int runs = Integer.parseInt(args[4]);
        int warmups = Integer.parseInt(args[5]);
        Path results = out.resolve("results.tsv");

        List<Side> sides = List.of(
                new Side("get-profile-picture", List.of("com.profilepictures.bench.cold.ColdFunction",
                        "com.profilepictures.bootstrap.read.GetProfilePictureFunction", events.resolve("get-profile-pic.json").toString())),
                new Side("list-profile-pictures", List.of("com.profilepictures.bench.cold.ColdFunction",
                        "com.profilepictures.bootstrap.read.ListProfilePicturesFunction", events.resolve("list-users.json").toString())),
                new Side("baseline", List.of("com.profilepictures.bench.cold.ColdBaseline", itemKey)),
                // For information only: the request list-profile-pictures makes for a first page (a consistent Scan of the
                // same table with the default Limit), so that its Scan's cost on moto can be told apart from ours.
                new Side(SCAN_BASELINE, List.of("com.profilepictures.bench.cold.ColdScanBaseline",
                        Integer.toString(PageRequest.DEFAULT_LIMIT))));

        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        List<String> c1Serial = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        List<String> c1SerialNoPerf = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
        // A ladder: each step adds one thing to the one before, except the two controls marked as such.
        List<Step> steps = List.of(
                new Step("0 JDK defaults", List.of(), false),
                new Step("0b control: -Xshare:off", List.of("-Xshare:off"), false),
                new Step("1 +TieredStopAtLevel=1", c1, false),
                new Step("2 +UseSerialGC", c1Serial, false),
                new Step("3 +AppCDS per side", c1Serial, true),
                new Step("4 +AppCDS -UsePerfData", c1SerialNoPerf, true));

        ColdStartRunner runner = new ColdStartRunner(classpath, out);
        runner.countLoadedClasses(sides, results);
        for (Step step : steps) {
            runner.run(step, sides, runs, warmups, results);
        }
    }

    /** -Xlog:class+load of one run per side: how many classes a cold invocation loads, and from where. */
    private void countLoadedClasses(List<Side> sides, Path results) throws Exception {
        System.out.println("Classes loaded by one cold invocation (JDK defaults):");
        for (Side side : sides) {
            Path log = out.resolve("classes-" + side.name() + ".log");
            Files.deleteIfExists(log);
            runOnce(side, List.of("-Xlog:class+load=info:file=" + log));
            List<String> lines;
            try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
                lines = all.filter(line -> line.contains(" source: ")).toList();
            }
            long total = lines.size();
            long fromJar = lines.stream().filter(line -> line.contains("source: file:") || line.contains(".jar")).count();
            long fromCds = lines.stream().filter(line -> line.contains("shared objects file")).count();
            Tsv.append(results, "classes-loaded", side.name(), "classes", single(total));
            Tsv.append(results, "classes-loaded-from-jars", side.name(), "classes", single(fromJar));
            Tsv.append(results, "classes-loaded-from-jdk-cds", side.name(), "classes", single(fromCds));
        }
    }

    private void run(Step step, List<Side> sides, int runs, int warmups, Path results) throws Exception {
        System.out.println("Cold start, step " + step.name() + " " + step.flags() + ":");
        Map<String, List<String>> flagsBySide = new LinkedHashMap<>();
        for (Side side : sides) {
            List<String> flags = new ArrayList<>(step.flags());
            if (step.appCds()) {
                // Trained with this very step's options, one archive per side, so neither side is favoured.
                Path archive = out.resolve("cds").resolve(side.name() + "-" + step.flags().size() + ".jsa");
                Files.createDirectories(archive.getParent());
                Files.deleteIfExists(archive);
                List<String> training = new ArrayList<>(step.flags());
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                runOnce(side, training);
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalStateException("No archive was written for " + side.name());
                }
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            flagsBySide.put(side.name(), flags);
        }
        Map<String, Map<String, List<Double>>> measured = new LinkedHashMap<>();
        for (int round = 0; round < warmups + runs; round++) {
            // Rotating the order spreads any drift of the machine evenly over the sides.
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get((round + i) % sides.size());
                Map<String, Double> one = runOnce(side, flagsBySide.get(side.name()));
                if (round >= warmups) {
                    Map<String, List<Double>> bySide = measured.computeIfAbsent(side.name(), k -> new LinkedHashMap<>());
                    one.forEach((metric, value) -> bySide.computeIfAbsent(metric, k -> new ArrayList<>()).add(value));
                }
            }
        }
        for (Side side : sides) {
            measured.get(side.name()).forEach((metric, values) ->
                    Tsv.append(results, "cold-" + metric, step.name() + " | " + side.name(), "ms", Stats.of(values)));
        }
    }

    /** One fresh process; returns its wall time, time to first response, and its own phase times, in ms. */
    private Map<String, Double> runOnce(Side side, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.addAll(side.mainAndArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Instant launched = Instant.now();
        long startedAt = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(side.name() + " did not exit within " + RUN_TIMEOUT_SECONDS + " s");
        }
        long wallNanos = System.nanoTime() - startedAt;
        String text = new String(output, StandardCharsets.UTF_8);
        Matcher matcher = COLD_LINE.matcher(text);
        if (process.exitValue() != 0 || !matcher.find()) {
            throw new IllegalStateException(side.name() + " failed (exit " + process.exitValue() + "): " + command + "\n" + text);
        }
        long launchedEpochNanos = launched.getEpochSecond() * 1_000_000_000L + launched.getNano();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("wall", wallNanos / 1e6);
        result.put("first-response", (Long.parseLong(matcher.group(1)) - launchedEpochNanos) / 1e6);
        result.put("init", Long.parseLong(matcher.group(3)) / 1e6);
        result.put("first-call", Long.parseLong(matcher.group(4)) / 1e6);
        result.put("event-parse", Long.parseLong(matcher.group(2)) / 1e6);
        return result;
    }

    private static Stats single(double value) {
        return new Stats(1, value, value, value);
    }
}
