package com.profilepictures.bench;

import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.local.LocalApi;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local API (the template's routes, in one JVM, on loopback) under {@code clients} concurrent
 * closed-loop clients: a warm-up, then a measured period cut into one-second windows. Each window
 * gives p50, p99 and requests/s; the figures are their median and range. Every loop is bounded in
 * time and in count. Arguments: template, path, clients, warm-up seconds, measured seconds, results file.
 */
public final class LocalApiLoad {

    private static final int MAX_REQUESTS_PER_CLIENT = 500_000;

    private LocalApiLoad() {}

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]);
        String path = args[1];
        int clients = Integer.parseInt(args[2]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[3]));
        int seconds = Integer.parseInt(args[4]);
        Path results = Path.of(args[5]);

        // Each request's log line goes nowhere: writing it to a terminal would measure the terminal.
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        System.setOut(discard);
        try (LocalApi api = LocalApi.start(
                template, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Environment.current(), discard)) {
            URI uri = api.baseUrl().resolve(path);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();

            drive(http, request, clients, System.nanoTime() + warmUp.toNanos(), null, 0);
            long measuredFrom = System.nanoTime();
            AtomicLong failures = new AtomicLong();
            long[][] samples = drive(
                    http,
                    request,
                    clients,
                    measuredFrom + Duration.ofSeconds(seconds).toNanos(),
                    failures,
                    measuredFrom);
            System.setOut(stdout);
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " requests failed");
            }
            // samples[client] holds pairs (completion offset, latency) in nanoseconds.
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> rps = new ArrayList<>();
            long total = 0;
            for (int window = 0; window < seconds; window++) {
                long from = window * 1_000_000_000L;
                long to = from + 1_000_000_000L;
                long[] latencies = new long[64];
                int count = 0;
                for (long[] pairs : samples) {
                    for (int i = 0; i + 1 < pairs.length; i += 2) {
                        if (pairs[i] >= from && pairs[i] < to) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = pairs[i + 1];
                        }
                    }
                }
                Arrays.sort(latencies, 0, count);
                p50.add(Stats.quantile(latencies, count, 0.50) / 1e6);
                p99.add(Stats.quantile(latencies, count, 0.99) / 1e6);
                rps.add((double) count);
                total += count;
            }
            String variant = "GET " + path + ", " + clients + " clients";
            Tsv.append(results, "local-api-p50", variant, "ms", Stats.of(p50));
            Tsv.append(results, "local-api-p99", variant, "ms", Stats.of(p99));
            Tsv.append(results, "local-api-throughput", variant, "req/s", Stats.of(rps));
            System.out.println("  " + total + " requests in " + seconds + " s, none failed");
        } finally {
            System.setOut(stdout);
        }
    }

    /** Runs closed-loop clients until {@code until}; records (offset from {@code origin}, latency) pairs when asked. */
    private static long[][] drive(
            HttpClient http, HttpRequest request, int clients, long until, AtomicLong failures, long origin)
            throws InterruptedException {
        long[][] samples = new long[clients][];
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        long[] pairs = new long[1024];
                        int n = 0;
                        try {
                            for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < until; i++) {
                                long sent = System.nanoTime();
                                boolean ok;
                                try {
                                    HttpResponse<byte[]> response =
                                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                    ok = response.statusCode() == 200;
                                } catch (java.io.IOException e) {
                                    ok = false;
                                }
                                long received = System.nanoTime();
                                if (failures != null) {
                                    if (!ok) {
                                        failures.incrementAndGet();
                                    }
                                    if (n + 2 > pairs.length) {
                                        pairs = Arrays.copyOf(pairs, pairs.length * 2);
                                    }
                                    // +1 so that an offset of 0 is never taken for an empty slot.
                                    pairs[n++] = Math.max(1, received - origin);
                                    pairs[n++] = received - sent;
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            samples[client] = Arrays.copyOf(pairs, n);
                            done.countDown();
                        }
                    },
                    "load-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        done.await();
        return samples;
    }
}
