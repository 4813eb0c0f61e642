package com.profilepictures.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.local.LocalApi;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Archiving on loopback, through the local API (which feeds the table's stream to the archive function as
 * Lambda's event source mapping does) with the fixture site as X and as X's image host: the time from a
 * scrape's answer to the first {@code GET /user/{h}/profile_pic} that says {@code archived: true}, polled
 * every {@link #POLL}, over {@code runs} new pictures; then the image route's warm latency beside the
 * profile route's, {@code requests} sequential requests each after a warm-up. Needs the bench's moto
 * ({@code DYNAMODB_ENDPOINT}, which serves S3 too). Arguments: template, results file, runs, requests.
 */
public final class ArchiveBench {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration ARCHIVING_LIMIT = Duration.ofSeconds(60);
    private static final int WARM_UPS = 50;

    private ArchiveBench() {}

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);

        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        try (FixtureSite x = FixtureSite.start(Duration.ZERO)) {
            Environment environment = Environment.current()
                    .with(Map.of(
                            "X_BASE_URL",
                            x.baseUrl().toString(),
                            "X_IMAGE_BASE_URL",
                            x.baseUrl().toString(),
                            "HISTORY_TABLE_NAME",
                            "bench-history-" + UUID.randomUUID(),
                            "PICTURE_BUCKET",
                            "bench-" + UUID.randomUUID()));
            // The functions' log lines go nowhere: writing them to a terminal would measure the terminal.
            System.setOut(discard);
            try (LocalApi api = LocalApi.start(
                    template, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), environment, discard)) {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                URI base = api.baseUrl();
                double[] lags = new double[runs];
                String handle = null;
                for (int run = 0; run < runs; run++) {
                    handle = "Archbench" + run;
                    HttpResponse<String> scraped = http.send(
                            post(base.resolve("/scrape"), "{\"handle\":\"" + handle + "\"}"),
                            HttpResponse.BodyHandlers.ofString());
                    long answered = System.nanoTime();
                    if (scraped.statusCode() != 200) {
                        throw new IllegalStateException(
                                "scrape of " + handle + " answered " + scraped.statusCode() + ": " + scraped.body());
                    }
                    lags[run] =
                            (awaitArchived(http, base.resolve("/user/" + handle + "/profile_pic")) - answered) / 1e6;
                }
                System.setOut(stdout);
                Tsv.append(results, "archive-lag", "scrape answer to archived: true, loopback", "ms", stats(lags));

                URI profile = base.resolve("/user/" + handle + "/profile_pic");
                URI image = base.resolve("/user/" + handle + "/profile_pic/image");
                System.setOut(discard);
                double[] profileTimes = latencies(http, profile, 200, requests);
                double[] imageTimes = latencies(http, image, 302, requests);
                System.setOut(stdout);
                Tsv.append(
                        results,
                        "local-api-profile-p50",
                        "GET /user/{h}/profile_pic, 1 client",
                        "ms",
                        stats(profileTimes));
                Tsv.append(
                        results,
                        "local-api-image-p50",
                        "GET /user/{h}/profile_pic/image, 1 client",
                        "ms",
                        stats(imageTimes));
            }
        } finally {
            System.setOut(stdout);
        }
    }

    /** Polls {@code profile} until it says archived; returns when it first did (System.nanoTime()). */
    private static long awaitArchived(HttpClient http, URI profile) throws Exception {
        long deadline = System.nanoTime() + ARCHIVING_LIMIT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(profile)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long seen = System.nanoTime();
            if (response.statusCode() == 200) {
                JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
                if (body.has("archived") && body.get("archived").getAsBoolean()) {
                    return seen;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
        }
        throw new IllegalStateException(profile + " was not archived within " + ARCHIVING_LIMIT.toSeconds() + " s");
    }

    /** Per-request latency in ms of {@code requests} sequential GETs after {@link #WARM_UPS}, each answering {@code status}. */
    private static double[] latencies(HttpClient http, URI uri, int status, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        double[] times = new double[requests];
        for (int i = -WARM_UPS; i < requests; i++) {
            long sent = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long received = System.nanoTime();
            if (response.statusCode() != status) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ", not " + status);
            }
            if (i >= 0) {
                times[i] = (received - sent) / 1e6;
            }
        }
        return times;
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Stats stats(double[] values) {
        List<Double> list = new ArrayList<>();
        Arrays.stream(values).forEach(list::add);
        return Stats.of(list);
    }
}
