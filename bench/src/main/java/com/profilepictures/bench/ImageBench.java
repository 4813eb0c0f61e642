package com.profilepictures.bench;

import com.profilepictures.bootstrap.scrape.image.LambdaRuntimeApi;
import com.profilepictures.bootstrap.scrape.image.LambdaSandbox;
import com.profilepictures.bootstrap.scrape.image.ScrapeFunctionTemplate;
import com.profilepictures.bootstrap.scrape.image.ScrapeImage;
import com.profilepictures.bootstrap.scrape.image.ScrapeInvocations;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;

/**
 * The scrape image's cold start and warm invocation, run as ScrapeImageIT runs it (as Lambda would, against
 * moto and the fixture site, through a Lambda Runtime API): a fresh container per cold start, its first
 * invocation a real scrape queued before the container starts, so that the time from creating the
 * container to the first response holds everything a user waits for on a cold sandbox (engine, JVM, runtime
 * client, handler init, Chromium's launch, the scrape, the save). Then warm scrapes on the same container.
 * Needs a container engine (make bench runs under scripts/with-container-engine.sh) and the environment
 * run.sh sets (DYNAMODB_ENDPOINT, TABLE_NAME).
 *
 * <p>Arguments: results.tsv, cold starts per side, warm invocations per container, then optionally JDK
 * feature versions (e.g. 25) to measure beside the shipped image: each builds the same Dockerfile with that
 * JDK's {@code openjdk-N-jre-headless} instead, and the sides alternate run by run.
 */
public final class ImageBench {

    private static final Pattern JRE_PACKAGE = Pattern.compile("openjdk-(\\d+)-jre-headless");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private record Side(String label, String image) {}

    private ImageBench() {}

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int warmPerContainer = Integer.parseInt(args[2]);
        ScrapeFunctionTemplate template = ScrapeFunctionTemplate.load();
        String dockerfile = Files.readString(template.dockerfile(), StandardCharsets.UTF_8);
        Matcher shipped = JRE_PACKAGE.matcher(dockerfile);
        if (!shipped.find()) {
            throw new IllegalStateException(template.dockerfile() + " installs no openjdk-N-jre-headless");
        }

        List<Side> sides = new ArrayList<>();
        System.out.println("  building the image (cached layers are reused)...");
        sides.add(new Side(
                "JDK " + shipped.group(1) + " (shipped)",
                ScrapeImage.build(template.dockerContext(), template.dockerfile(), ScrapeImage.NAME)));
        for (int i = 3; i < args.length; i++) {
            String jdk = args[i];
            if (jdk.equals(shipped.group(1))) {
                continue;
            }
            Path context = variantContext(
                    template,
                    results.toAbsolutePath().getParent().resolve("image-jdk" + jdk),
                    JRE_PACKAGE.matcher(dockerfile).replaceAll("openjdk-" + jdk + "-jre-headless"));
            System.out.println("  building the image with JDK " + jdk + "...");
            sides.add(new Side(
                    "JDK " + jdk,
                    ScrapeImage.build(context, context.resolve("Dockerfile"), ScrapeImage.NAME + "-jdk" + jdk)));
        }

        Map<Side, List<Double>> cold = new LinkedHashMap<>();
        Map<Side, List<Double>> init = new LinkedHashMap<>();
        Map<Side, List<Double>> warm = new LinkedHashMap<>();
        try (FixtureSite x = FixtureSite.start()) {
            for (int run = 0; run < runs; run++) {
                for (Side side : sides) {
                    measure(side, template, x, "bench_img_" + run, warmPerContainer, cold, init, warm);
                }
            }
        }
        for (Side side : sides) {
            Tsv.append(results, "image-cold", side.label(), "ms", Stats.of(cold.get(side)));
            Tsv.append(results, "image-init", side.label(), "ms", Stats.of(init.get(side)));
            Tsv.append(results, "image-warm", side.label(), "ms", Stats.of(warm.get(side)));
        }
        // Each other JDK's cold start over the shipped image's of the same run: the machine's load drifts
        // between runs, the pair of one run shares it.
        List<Double> shippedCold = cold.get(sides.get(0));
        for (Side side : sides.subList(1, sides.size())) {
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                ratios.add(cold.get(side).get(run) / shippedCold.get(run));
            }
            Tsv.append(results, "image-cold-ratio", side.label(), "×", Stats.of(ratios));
        }
    }

    private static void measure(
            Side side,
            ScrapeFunctionTemplate template,
            FixtureSite x,
            String handle,
            int warmCount,
            Map<Side, List<Double>> cold,
            Map<Side, List<Double>> init,
            Map<Side, List<Double>> warm)
            throws Exception {
        Duration timeout = Duration.ofSeconds(template.timeoutSeconds());
        try (LambdaRuntimeApi runtimeApi = LambdaRuntimeApi.start();
                GenericContainer<?> function = LambdaSandbox.of(
                        side.image(),
                        template,
                        runtimeApi,
                        Map.of(
                                "TABLE_NAME",
                                System.getenv("TABLE_NAME"),
                                "X_BASE_URL",
                                x.baseUrl().toString()),
                        Map.of("DYNAMODB_ENDPOINT", System.getenv("DYNAMODB_ENDPOINT")))) {
            // Queued first: the runtime receives it with its very first request, as on a cold invocation.
            CompletableFuture<LambdaRuntimeApi.Outcome> first =
                    runtimeApi.invoke(ScrapeInvocations.scrapeOf(handle), timeout);
            long started = System.nanoTime();
            function.start();
            CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
                runtimeApi.awaitRuntimeReady(WAIT);
                return System.nanoTime();
            });
            expectOk(first.get(WAIT.toSeconds(), TimeUnit.SECONDS), side);
            long answered = System.nanoTime();
            cold.computeIfAbsent(side, s -> new ArrayList<>()).add((answered - started) / 1e6);
            init.computeIfAbsent(side, s -> new ArrayList<>()).add((ready.get() - started) / 1e6);
            for (int i = 0; i < warmCount; i++) {
                long before = System.nanoTime();
                expectOk(runtimeApi.invokeAndWait(ScrapeInvocations.scrapeOf(handle + "_" + i), timeout, WAIT), side);
                warm.computeIfAbsent(side, s -> new ArrayList<>()).add((System.nanoTime() - before) / 1e6);
            }
        }
    }

    private static void expectOk(LambdaRuntimeApi.Outcome outcome, Side side) {
        if (!(outcome instanceof LambdaRuntimeApi.Response response)
                || ScrapeInvocations.ProxyResponse.parse(response.body()).status() != 200) {
            throw new IllegalStateException(side.label() + ": the scrape did not answer 200: " + outcome);
        }
    }

    // The build context with another Dockerfile: the Dockerfile, its .dockerignore and the packaged jars.
    private static Path variantContext(ScrapeFunctionTemplate template, Path folder, String dockerfile)
            throws IOException {
        Path source = template.dockerContext();
        Files.createDirectories(folder.resolve("target/lib"));
        Files.writeString(folder.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
        Files.copy(
                source.resolve(".dockerignore"), folder.resolve(".dockerignore"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                source.resolve("target/scrape-function.jar"),
                folder.resolve("target/scrape-function.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> jars = Files.list(source.resolve("target/lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(
                        jar,
                        folder.resolve("target/lib").resolve(jar.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
