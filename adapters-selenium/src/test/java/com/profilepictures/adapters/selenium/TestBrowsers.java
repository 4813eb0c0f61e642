package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.Deadline;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Settings and process accounting shared by the tests that run real Chromium. */
final class TestBrowsers {

    static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(6);
    // Scheduling on a busy two-core machine, one last command, the caller's own report margin.
    static final Duration DEADLINE_SLACK = Duration.ofMillis(1500);

    private TestBrowsers() {
    }

    /** A scrape's deadline as the service would give it with {@link #SCRAPE_TIMEOUT}. */
    static Deadline deadline() {
        return Deadline.after(SCRAPE_TIMEOUT);
    }

    static SeleniumSettings settings(URI baseUrl, int poolSize) {
        return settings(baseUrl, poolSize, chromium());
    }

    static SeleniumSettings settings(URI baseUrl, int poolSize, Path chromiumBinary) {
        return settings(baseUrl, poolSize, chromiumBinary, SCRAPE_TIMEOUT);
    }

    static SeleniumSettings settings(URI baseUrl, int poolSize, Path chromiumBinary, Duration scrapeTimeout) {
        Path chromedriver = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        return new SeleniumSettings(baseUrl, scrapeTimeout, chromiumBinary, chromedriver, poolSize);
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
     * The Chromium and chromedriver processes of this JVM: its descendants, and whatever names a folder
     * this JVM's scrapers created (which finds processes Chromium re-parented away from us).
     */
    static Set<Long> scraperProcessIds() {
        String marker = "chromium-scraper-" + ProcessHandle.current().pid() + "-";
        Set<Long> found = new LinkedHashSet<>();
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            descendants.filter(process -> {
                String commandLine = commandLineOf(process);
                return commandLine.contains("chromium") || commandLine.contains("chromedriver");
            }).forEach(process -> found.add(process.pid()));
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> commandLineOf(process).contains(marker)).forEach(process -> found.add(process.pid()));
        }
        return found;
    }

    /** This JVM's running Chromium browser processes (not their helpers). */
    static Set<ProcessHandle> browserProcesses() {
        String marker = "chromium-scraper-" + ProcessHandle.current().pid() + "-";
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(process -> {
                String commandLine = commandLineOf(process);
                return commandLine.contains("--user-data-dir=") && commandLine.contains(marker)
                        && !commandLine.contains("--type=");
            }).collect(Collectors.toSet());
        }
    }

    /** The folders this JVM's scrapers created and have not removed. */
    static Set<Path> scraperFolders() throws java.io.IOException {
        String prefix = "chromium-scraper-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith(prefix)).collect(Collectors.toSet());
        }
    }

    /**
     * Waits until each process has exited (a zombie counts: it has ended, though no parent reaped it),
     * polling its state, for at most a few seconds.
     */
    static void awaitExited(Set<ProcessHandle> processes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (processes.stream().anyMatch(Browser::isRunning)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running: " + processes.stream().filter(Browser::isRunning).toList());
            }
            processes.stream().filter(Browser::isRunning).findFirst().ifPresent(process ->
                    process.onExit().completeOnTimeout(process, 20, java.util.concurrent.TimeUnit.MILLISECONDS).join());
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
