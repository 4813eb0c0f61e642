package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run} as a newcomer sees it: one process that starts its own moto_server, says when it is
 * ready, serves, and on Ctrl-C stops everything it started (moto, chromedriver, Chromium).
 */
class LocalApiProcessTest {

    @RegisterExtension
    static final MakeRun MAKE_RUN = new MakeRun();

    @Test
    void startsItsOwnDynamoDbServesAndStopsEverythingOnCtrlC(@TempDir Path workDir) throws Exception {
        try (FixtureSite x = FixtureSite.start(Duration.ofMillis(100))) {
            MakeRun.Started api = MAKE_RUN.start(
                    workDir, Map.of("PORT", "0", "X_BASE_URL", x.baseUrl().toString(), "SCRAPE_TIMEOUT", "PT15S"));
            Process process = api.process();
            var http = new Http(api.awaitReady(Duration.ofSeconds(90)));

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

            api.ctrlC();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exits on Ctrl-C");
            awaitAllGone(started);
        }
    }

    @Test
    void aTakenPortIsOneClearLineAndLeavesNothingRunning(@TempDir Path workDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MakeRun.Started api = MAKE_RUN.start(workDir, Map.of("PORT", Integer.toString(taken.getLocalPort())));

            boolean exited = api.awaitExit(Duration.ofSeconds(90));
            String output = String.join("\n", api.output());

            assertTrue(exited, "still running: " + output);
            assertEquals(1, api.process().exitValue(), output);
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
}
