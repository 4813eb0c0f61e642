package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.scrape.Deadline;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Settings and process accounting for the tests that run real Chromium. Each test gives its scraper a
 * work root of its own and looks only at what lies, or runs, under that root: other tests, other JVMs
 * and other users of the machine cannot change what a test sees.
 */
final class TestBrowsers {

    /** The deadline of a scrape that a test waits out: short, so that timing out stays quick. */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(6);
    /**
     * The deadline of a scrape that should reach a verdict, and the scraper's own bound on starting a browser:
     * long enough for a busy two-core machine, and waited out only when something is broken.
     */
    static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(30);
    /** How far past its deadline a scrape may answer: the scraper's own margins, and slack for a loaded machine. */
    static final Duration OVERRUN_ALLOWED = SeleniumProfilePictureScraper.MAX_VERDICT_DELAY.plusSeconds(3);

    private TestBrowsers() {}

    /** For a scrape that should reach a verdict. */
    static Deadline deadline() {
        return Deadline.after(GENEROUS_TIMEOUT);
    }

    /** For a scrape that should time out. */
    static Deadline shortDeadline() {
        return Deadline.after(SHORT_TIMEOUT);
    }

    static SeleniumSettings settings(URI baseUrl, int poolSize, Path workRoot) {
        return settings(baseUrl, poolSize, workRoot, chromium());
    }

    static SeleniumSettings settings(URI baseUrl, int poolSize, Path workRoot, Path chromiumBinary) {
        Path chromedriver = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        return new SeleniumSettings(baseUrl, GENEROUS_TIMEOUT, chromiumBinary, chromedriver, poolSize, workRoot);
    }

    private static Path chromium() {
        String configured = System.getProperty("chromium.binary");
        if (configured != null) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/chromium/chromium");
        return Files.isExecutable(debian) ? debian : Path.of("/usr/bin/chromium");
    }

    /**
     * The running processes of the browsers under {@code workRoot}: every process whose command line names a
     * path under it (chromedriver, Chromium and its helpers, crashpad handlers Chromium re-parents away), and
     * their descendants.
     */
    static Set<ProcessHandle> processesUnder(Path workRoot) {
        String marker = workRoot.toAbsolutePath() + File.separator;
        Set<ProcessHandle> found = new LinkedHashSet<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> commandLineOf(process).contains(marker)).forEach(process -> {
                found.add(process);
                process.descendants().forEach(found::add);
            });
        }
        found.removeIf(process -> !ChromiumProcesses.isRunning(process));
        return found;
    }

    /** The running chromedriver processes under {@code workRoot}. */
    static Set<ProcessHandle> driverProcessesUnder(Path workRoot) {
        return processesUnder(workRoot).stream()
                .filter(process -> commandLineOf(process).contains("chromedriver"))
                .collect(Collectors.toSet());
    }

    /** The running Chromium browser processes under {@code workRoot} (not their helpers). */
    static Set<ProcessHandle> browserProcessesUnder(Path workRoot) {
        return processesUnder(workRoot).stream()
                .filter(process -> {
                    String commandLine = commandLineOf(process);
                    return commandLine.contains("--user-data-dir=") && !commandLine.contains("--type=");
                })
                .collect(Collectors.toSet());
    }

    /** What is left in {@code workRoot}. */
    static Set<Path> foldersUnder(Path workRoot) throws IOException {
        try (Stream<Path> entries = Files.list(workRoot)) {
            return entries.collect(Collectors.toSet());
        }
    }

    /**
     * Waits until each process has exited (a zombie counts: it has ended, though no parent reaped it),
     * polling its state, for at most a few seconds.
     */
    static void awaitExited(Set<ProcessHandle> processes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processes.stream().anyMatch(ChromiumProcesses::isRunning)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running: "
                        + processes.stream()
                                .filter(ChromiumProcesses::isRunning)
                                .toList());
            }
            processes.stream()
                    .filter(ChromiumProcesses::isRunning)
                    .findFirst()
                    .ifPresent(process -> process.onExit()
                            .completeOnTimeout(process, 20, TimeUnit.MILLISECONDS)
                            .join());
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
