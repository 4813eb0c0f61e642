package com.profilepictures.adapters.selenium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The Linux processes of one browser: chromedriver, the Chromium it starts and all of Chromium's helpers.
 * Each names the browser's folder on its command line, which also finds those that Chromium re-parents
 * away from us (crashpad handlers), so that {@link #killAll()} leaves none behind.
 */
final class ChromiumProcesses {

    private static final System.Logger LOG = System.getLogger(ChromiumProcesses.class.getName());

    private static final Duration EXIT_WAIT = Duration.ofSeconds(3);
    private static final Duration EXIT_POLL = Duration.ofMillis(10);

    private final String marker;
    private volatile ProcessHandle driver;
    private volatile ProcessHandle browser;

    ChromiumProcesses(BrowserFolder folder) {
        this.marker = folder.marker();
    }

    /** Notes chromedriver, once started on {@code port}: a child of this JVM's. */
    void driverStartedOn(int port) {
        String portArgument = "--port=" + port;
        driver = ProcessHandle.current()
                .children()
                .filter(process -> commandLineOf(process).contains(portArgument))
                .findFirst()
                .orElse(null);
    }

    /** Notes the browser process itself (not a helper), once started with {@code userData} as its profile. */
    void browserStartedWith(Path userData) {
        String userDataArgument = "--user-data-dir=" + userData;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            browser = all.filter(process -> {
                        String commandLine = commandLineOf(process);
                        return commandLine.contains(userDataArgument) && !commandLine.contains("--type=");
                    })
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Cheap: false once chromedriver or the browser is known to have exited. */
    boolean running() {
        ProcessHandle driverNow = driver;
        ProcessHandle browserNow = browser;
        return (driverNow == null || isRunning(driverNow)) && (browserNow == null || isRunning(browserNow));
    }

    /** Kills every process of the browser still running and waits, briefly, until they have exited. */
    void killAll() {
        List<ProcessHandle> processes = stillRunning();
        processes.forEach(ProcessHandle::destroyForcibly);
        awaitExit(processes);
    }

    /** chromedriver, its descendants, and anything naming the folder. */
    private List<ProcessHandle> stillRunning() {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle driverNow = driver;
        if (driverNow != null && isRunning(driverNow)) {
            driverNow.descendants().forEach(found::add);
            found.add(driverNow);
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> isRunning(process) && commandLineOf(process).contains(marker))
                    .filter(process -> !found.contains(process))
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * Whether the process still runs. {@link ProcessHandle#isAlive()} also says yes for a zombie, and a
     * killed Chromium stays one until chromedriver or init reaps it, so Linux's process state decides.
     */
    static boolean isRunning(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            // The state follows the command name, which is in parentheses and may itself contain ") ".
            int afterName = text.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < text.length() ? text.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | UncheckedIOException e) {
            return process.isAlive(); // not Linux, or /proc is unreadable
        }
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        long giveUpAt = System.nanoTime() + EXIT_WAIT.toNanos();
        List<ProcessHandle> running = new ArrayList<>(processes);
        while (true) {
            running.removeIf(process -> !isRunning(process));
            if (running.isEmpty()) {
                return;
            }
            if (System.nanoTime() - giveUpAt >= 0) {
                LOG.log(Level.WARNING, "Some Chromium processes outlived SIGKILL for " + EXIT_WAIT + ": " + running);
                return;
            }
            // SIGKILL takes effect within milliseconds; there is no event to wait on for a process that is not our
            // child.
            LockSupport.parkNanos(EXIT_POLL.toNanos());
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
