package com.profilepictures.bench;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper;
import com.profilepictures.domain.page.PageRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold starts: fresh {@code java} processes of each side (the two read functions, the baseline that
 * only builds the same DynamoDB client and makes one GetItem, and for information the same client making
 * list-profile-pictures' one Scan), interleaved, on one ladder of JVM
 * options. Every side of a step gets exactly the same JDK, options and classpath (the shipped read jar plus
 * the tiny cold-start mains); AppCDS, and JDK 25's AOT cache, give each side a cache trained on that side.
 * Then, for each read function, its first request after SnapStart priming against without it.
 *
 * <p>Arguments: classpath, events folder, item key, output folder, runs, warm-up runs, and a JDK 25 home
 * for the steps on JDK 25 ({@code -} for none: they are left out).
 */
public final class ColdStartRunner {

    private static final Pattern COLD_LINE =
            Pattern.compile("COLD answeredEpochNanos=(\\d+) parseNanos=(\\d+) initNanos=(\\d+) firstCallNanos=(\\d+)");
    private static final Pattern PRIMING_LINE =
            Pattern.compile("PRIMING hooksNanos=(\\d+) firstRequestNanos=(\\d+) classesLoaded=(\\d+)");
    private static final long RUN_TIMEOUT_SECONDS = 60;
    static final String SCAN_BASELINE = "baseline-scan";
    /** Steps named so are for information: the verdict is on the JDK the functions are built for. */
    static final String INFO_STEP = "(info)";

    static final String APP_CDS_STEP = "3 +AppCDS per side";
    static final String AOT_STEP = "6 " + INFO_STEP + " JDK 25 +AOT cache per side";
    static final String PRIMED = "primed";
    static final String UNPRIMED = "unprimed";

    record Side(String name, List<String> mainAndArgs) {}

    /** A class-data cache trained per side: an AppCDS archive or JDK 25's AOT cache. */
    enum Cache {
        NONE,
        APP_CDS,
        AOT
    }

    record Step(String name, Path java, List<String> flags, Cache cache) {}

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
        Optional<Path> jdk25 =
                args.length > 6 && !args[6].equals("-") ? Optional.of(Path.of(args[6])) : Optional.empty();
        Path results = out.resolve("results.tsv");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        List<Side> sides = List.of(
                new Side(
                        "get-profile-picture",
                        List.of(
                                "com.profilepictures.bench.cold.ColdFunction",
                                "com.profilepictures.bootstrap.read.GetProfilePictureFunction",
                                events.resolve("get-profile-pic.json").toString())),
                new Side(
                        "list-profile-pictures",
                        List.of(
                                "com.profilepictures.bench.cold.ColdFunction",
                                "com.profilepictures.bootstrap.read.ListProfilePicturesFunction",
                                events.resolve("list-users.json").toString())),
                new Side("baseline", List.of("com.profilepictures.bench.cold.ColdBaseline", itemKey)),
                // For information only: the request list-profile-pictures makes for a first page (a consistent Scan of
                // the
                // same table with the default Limit), so that its Scan's cost on moto can be told apart from ours.
                new Side(
                        SCAN_BASELINE,
                        List.of(
                                "com.profilepictures.bench.cold.ColdScanBaseline",
                                Integer.toString(PageRequest.DEFAULT_LIMIT))));

        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        List<String> c1Serial = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        List<String> c1SerialNoPerf = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
        // A ladder: each step adds one thing to the one before, except the two controls marked as such.
        List<Step> steps = new ArrayList<>(List.of(
                new Step("0 JDK defaults", java, List.of(), Cache.NONE),
                new Step("0b control: -Xshare:off", java, List.of("-Xshare:off"), Cache.NONE),
                new Step("1 +TieredStopAtLevel=1", java, c1, Cache.NONE),
                new Step("2 +UseSerialGC", java, c1Serial, Cache.NONE),
                new Step(APP_CDS_STEP, java, c1Serial, Cache.APP_CDS),
                new Step("4 +AppCDS -UsePerfData", java, c1SerialNoPerf, Cache.APP_CDS)));
        // Beside step 3, for information: JDK 25 with step 2's options, then with an AOT cache per side.
        // A cache fits only the JDK build that made it: it is for images with a fixed JDK, not managed runtimes.
        jdk25.ifPresent(home -> {
            Path java25 = home.resolve("bin").resolve("java");
            steps.add(new Step("5 " + INFO_STEP + " JDK 25, options of step 2", java25, c1Serial, Cache.NONE));
            steps.add(new Step(AOT_STEP, java25, c1Serial, Cache.AOT));
        });

        ColdStartRunner runner = new ColdStartRunner(classpath, out);
        runner.countLoadedClasses(sides, results);
        for (Step step : steps) {
            runner.run(step, sides, runs, warmups, results);
        }
        // Priming pays off on the JDK the functions run on in Lambda (java25) when there is one here.
        Path primingJava =
                jdk25.map(home -> home.resolve("bin").resolve("java")).orElse(java);
        runner.comparePriming(primingJava, sides.subList(0, 2), runs, warmups, results);
    }

    /** -Xlog:class+load of one run per side: how many classes a cold invocation loads, and from where. */
    private void countLoadedClasses(List<Side> sides, Path results) throws Exception {
        System.out.println("Classes loaded by one cold invocation (JDK defaults):");
        for (Side side : sides) {
            Path log = out.resolve("classes-" + side.name() + ".log");
            Files.deleteIfExists(log);
            runOnce(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    side,
                    List.of("-Xlog:class+load=info:file=" + log));
            List<String> lines;
            try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
                lines = all.filter(line -> line.contains(" source: ")).toList();
            }
            long total = lines.size();
            long fromJar = lines.stream()
                    .filter(line -> line.contains("source: file:") || line.contains(".jar"))
                    .count();
            long fromCds = lines.stream()
                    .filter(line -> line.contains("shared objects file"))
                    .count();
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
            if (step.cache() != Cache.NONE) {
                // Trained with this very step's JDK and options, one cache per side, so neither side is favoured.
                boolean aot = step.cache() == Cache.AOT;
                Path cache = out.resolve("cds")
                        .resolve(side.name() + "-" + step.flags().size() + (aot ? ".aot" : ".jsa"));
                Files.createDirectories(cache.getParent());
                Files.deleteIfExists(cache);
                List<String> training = new ArrayList<>(step.flags());
                training.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache);
                runOnce(step.java(), side, training);
                if (!Files.isRegularFile(cache)) {
                    throw new IllegalStateException(
                            "No cache was written for " + side.name() + " in step " + step.name());
                }
                flags.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
            }
            flagsBySide.put(side.name(), flags);
        }
        Map<String, Map<String, List<Double>>> measured = new LinkedHashMap<>();
        for (int round = 0; round < warmups + runs; round++) {
            // Rotating the order spreads any drift of the machine evenly over the sides.
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get((round + i) % sides.size());
                Map<String, Double> one = runOnce(step.java(), side, flagsBySide.get(side.name()));
                if (round >= warmups) {
                    Map<String, List<Double>> bySide =
                            measured.computeIfAbsent(side.name(), k -> new LinkedHashMap<>());
                    one.forEach((metric, value) -> bySide.computeIfAbsent(metric, k -> new ArrayList<>())
                            .add(value));
                }
            }
        }
        for (Side side : sides) {
            measured.get(side.name())
                    .forEach((metric, values) -> Tsv.append(
                            results, "cold-" + metric, step.name() + " | " + side.name(), "ms", Stats.of(values)));
        }
    }

    /**
     * Each read function's first request in a JVM whose checkpoint hooks ran (primed) and in one whose did
     * not, interleaved; both with Lambda's CRaC context and its native library on the classpath, as on Lambda.
     */
    private void comparePriming(Path java, List<Side> functions, int runs, int warmups, Path results) throws Exception {
        Path ric = Path.of(JniHelper.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        // The runtime client loads its JNI library only from an absolute path.
        Path library = out.resolve("libaws-lambda-jni.so").toAbsolutePath();
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        try (InputStream in = JniHelper.class.getResourceAsStream("/jni/libaws-lambda-jni.linux-" + arch + ".so")) {
            Files.copy(
                    Objects.requireNonNull(in, "the runtime interface client's JNI library"),
                    library,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        String primingClasspath = classpath + File.pathSeparator + ric;
        List<String> flags = List.of(
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + library);
        String jdk = jdkName(java);
        System.out.println("First request after SnapStart priming and without it (" + jdk + ", JDK defaults):");
        Map<String, List<Double>> firstRequest = new LinkedHashMap<>();
        Map<String, List<Double>> classes = new LinkedHashMap<>();
        Map<String, List<Double>> hooks = new LinkedHashMap<>();
        for (int round = 0; round < warmups + runs; round++) {
            for (int i = 0; i < 2 * functions.size(); i++) {
                int turn = (round + i) % (2 * functions.size());
                Side function = functions.get(turn / 2);
                String mode = turn % 2 == 0 ? PRIMED : UNPRIMED;
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(flags);
                // The function's ColdFunction arguments: its entry class and its event file.
                command.addAll(List.of(
                        "-cp",
                        primingClasspath,
                        "com.profilepictures.bench.cold.PrimingRun",
                        function.mainAndArgs().get(1),
                        function.mainAndArgs().get(2),
                        mode));
                Matcher matcher = PRIMING_LINE.matcher(
                        launch(command, function.name() + " " + mode).text());
                if (!matcher.find()) {
                    throw new IllegalStateException(function.name() + " " + mode + " printed no PRIMING line");
                }
                if (round >= warmups) {
                    String variant = jdk + " | " + function.name() + " | " + mode;
                    firstRequest
                            .computeIfAbsent(variant, k -> new ArrayList<>())
                            .add(Long.parseLong(matcher.group(2)) / 1e6);
                    classes.computeIfAbsent(variant, k -> new ArrayList<>()).add(Double.parseDouble(matcher.group(3)));
                    if (mode.equals(PRIMED)) {
                        hooks.computeIfAbsent(variant, k -> new ArrayList<>())
                                .add(Long.parseLong(matcher.group(1)) / 1e6);
                    }
                }
            }
        }
        firstRequest.forEach(
                (variant, values) -> Tsv.append(results, "priming-first-request", variant, "ms", Stats.of(values)));
        classes.forEach((variant, values) ->
                Tsv.append(results, "priming-classes-loaded", variant, "classes", Stats.of(values)));
        hooks.forEach((variant, values) -> Tsv.append(results, "priming-hooks", variant, "ms", Stats.of(values)));
    }

    private static String jdkName(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher version =
                Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(text);
        return version.find() ? "JDK " + version.group(1) : java.toString();
    }

    record Launched(String text, long wallNanos, Instant launched) {}

    private static Launched launch(List<String> command, String what) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Instant launched = Instant.now();
        long startedAt = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not exit within " + RUN_TIMEOUT_SECONDS + " s");
        }
        long wallNanos = System.nanoTime() - startedAt;
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    what + " failed (exit " + process.exitValue() + "): " + command + "\n" + text);
        }
        return new Launched(text, wallNanos, launched);
    }

    /** One fresh process; returns its wall time, time to first response, and its own phase times, in ms. */
    private Map<String, Double> runOnce(Path java, Side side, List<String> flags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath);
        command.addAll(side.mainAndArgs());
        Launched run = launch(command, side.name());
        Instant launched = run.launched();
        long wallNanos = run.wallNanos();
        String text = run.text();
        Matcher matcher = COLD_LINE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(side.name() + " printed no COLD line: " + command + "\n" + text);
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
