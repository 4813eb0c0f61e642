package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.profilepictures.fixturesite.FixtureSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run} as a newcomer sees it: one process that starts its own moto_server, says when it is
 * ready, serves, and on Ctrl-C stops everything it started (moto, chromedriver, Chromium).
 */
class LocalApiProcessTest {

    private static final Pattern READY = Pattern.compile("ready on (http://[0-9.]+:[0-9]+)");

    @Test
    void startsItsOwnDynamoDbServesAndStopsEverythingOnCtrlC(@TempDir Path workDir) throws Exception {
        try (FixtureSite x = FixtureSite.start(Duration.ofMillis(100))) {
            ProcessBuilder builder = localApi(workDir);
            Map<String, String> environment = builder.environment();
            environment.put("PORT", "0");
            environment.put("X_BASE_URL", x.baseUrl().toString());
            environment.put("SCRAPE_TIMEOUT", "PT15S");
            Process process = builder.start();
            BlockingQueue<String> output = new ArrayBlockingQueue<>(10_000);
            Thread reader = new Thread(() -> readLines(process, output), "local-api-output");
            reader.setDaemon(true);
            reader.start();
            try {
                URI baseUrl = awaitReadyLine(output, process);
                var http = new Http(baseUrl);

                assertEquals(200, http.get("/users").status(), "serves from its own moto_server");
                var crawled = http.post("/scrape", "{\"handle\":\"jack\"}");
                assertEquals(200, crawled.status(), crawled.raw().body());
                assertEquals("crawler", crawled.body().get("source").getAsString());
                List<ProcessHandle> afterCrawling = process.descendants().collect(Collectors.toList());
                assertFalse(
                        afterCrawling.stream().anyMatch(LocalApiProcessTest::isBrowser),
                        "a scrape the crawler decides starts no browser: " + commands(afterCrawling));

                var rendered = http.post("/scrape", "{\"handle\":\"" + FixtureSite.APP_ONLY + "\"}");
                assertEquals(200, rendered.status(), rendered.raw().body());
                assertEquals("browser", rendered.body().get("source").getAsString());
                List<ProcessHandle> started = process.descendants().collect(Collectors.toList());
                assertTrue(
                        started.stream().anyMatch(child -> command(child).contains("moto")),
                        "moto runs: " + commands(started));
                assertTrue(
                        started.stream().anyMatch(child -> command(child).contains("chromedriver")),
                        "a browser runs: " + commands(started));

                new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                        .start()
                        .waitFor();

                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exits on Ctrl-C");
                awaitAllGone(started);
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aTakenPortIsOneClearLineAndLeavesNothingRunning(@TempDir Path workDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = localApi(workDir);
            builder.environment().put("PORT", Integer.toString(taken.getLocalPort()));

            Process process = builder.start();
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(exited, "still running: " + output);
            assertEquals(1, process.exitValue(), output);
            assertTrue(output.contains("make run: "), output);
            assertFalse(
                    output.contains("\tat ") || output.contains("Exception in thread"), "no stack trace: " + output);
            assertTrue(
                    Files.isRegularFile(workDir.resolve(".local/moto.log")),
                    "moto had started, so its cleanup is what is checked");
            awaitAllGone(processesIn(workDir));
        }
    }

    private static boolean isBrowser(ProcessHandle process) {
        String command = command(process);
        return command.contains("chromedriver") || command.contains("chromium");
    }

    private static ProcessBuilder localApi(Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalApi.class.getName()))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("DYNAMODB_ENDPOINT");
        builder.environment()
                .put("TEMPLATE", RepositoryRoot.path().resolve("template.yaml").toString());
        return builder;
    }

    /** Every process working in {@code folder}: what the local API started there (moto runs in its folder). */
    private static List<ProcessHandle> processesIn(Path folder) throws IOException {
        Path real = folder.toRealPath();
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(process -> {
                        try {
                            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                                    .equals(real);
                        } catch (IOException | UnsupportedOperationException | SecurityException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }

    private static URI awaitReadyLine(BlockingQueue<String> output, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        StringBuilder seen = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    return URI.create(ready.group(1));
                }
            } else if (!process.isAlive()) {
                fail("make run exited before it was ready:\n" + seen);
            }
        }
        return fail("no ready line within 90 s:\n" + seen);
    }

    private static void awaitAllGone(List<ProcessHandle> processes) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (processes.stream().anyMatch(LocalApiProcessTest::running)) {
            if (Instant.now().isAfter(deadline)) {
                fail("still running after Ctrl-C: "
                        + commands(processes.stream()
                                .filter(LocalApiProcessTest::running)
                                .toList()));
            }
            processes.stream()
                    .filter(LocalApiProcessTest::running)
                    .findFirst()
                    .ifPresent(alive -> alive.onExit()
                            .orTimeout(100, TimeUnit.MILLISECONDS)
                            .exceptionally(e -> alive)
                            .join());
        }
    }

    // ProcessHandle counts a zombie as alive, and orphans whose new parent does not reap them stay
    // zombies; a zombie has ended all the same. Linux says which it is in /proc/<pid>/stat.
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return process.isAlive() && !Files.isDirectory(Path.of("/proc"));
        }
    }

    private static String command(ProcessHandle process) {
        return process.info().commandLine().or(() -> process.info().command()).orElse("?");
    }

    private static String commands(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + command(p)).collect(Collectors.joining("; "));
    }

    private static void readLines(Process process, BlockingQueue<String> output) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.offer(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
