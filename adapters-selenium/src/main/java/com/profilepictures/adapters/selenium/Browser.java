package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.Deadline;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * One headless Chromium and its chromedriver. Everything they write lives under one temporary folder
 * whose path also marks their processes, so that {@link #discard()} can find and kill every one of
 * them, even those Chromium re-parents away from us (crashpad handlers), and then delete the folder.
 */
final class Browser {

    private static final System.Logger LOG = System.getLogger(Browser.class.getName());

    // Selenium warns at every start that no selenium-devtools module matches this Chromium. None is
    // needed: CDP commands go through chromedriver (executeCdpCommand), so the warning is only noise in
    // the logs. Held in a field because java.util.logging forgets the level of an unreferenced logger.
    private static final java.util.logging.Logger CDP_VERSION_FINDER = quietened("org.openqa.selenium.devtools.CdpVersionFinder");

    // Chromium's flags for a small, quiet, offline-friendly headless browser (closed networks, Lambda).
    private static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox", // we run as root (containers, Lambda), where the sandbox cannot start
            "--disable-gpu",
            "--disable-dev-shm-usage", // Lambda's and Docker's /dev/shm are tiny
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-quic",
            "--mute-audio",
            "--window-size=1280,1024",
            "--blink-settings=imagesEnabled=false"); // the picture's URL is all we want, not its bytes

    // Everything a page can leave behind for the next one, except the HTTP cache, which only speeds X's scripts up.
    private static final String STORAGE_TO_CLEAR =
            "cookies,local_storage,indexeddb,websql,service_workers,cache_storage,file_systems";

    // Browser folders are named FOLDER_PREFIX{pid}-{six letters or digits}: short, see MAX_WORK_ROOT_LENGTH.
    static final String FOLDER_PREFIX = "chromium-";
    private static final int SUFFIX_LENGTH = 6;
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    /**
     * The longest work root (in bytes) under which Chromium can start: it creates its singleton socket at
     * {@code {root}/chromium-{pid}-{suffix}/org.chromium.Chromium.XXXXXX/SingletonSocket}, and a Unix socket's
     * path is at most 107 bytes; a longer one makes Chromium exit at start.
     */
    static final int MAX_WORK_ROOT_LENGTH = 107 - ("/" + FOLDER_PREFIX + "4194304-" + "x".repeat(SUFFIX_LENGTH)
            + "/org.chromium.Chromium.XXXXXX/SingletonSocket").length();

    private static final Duration EXIT_WAIT = Duration.ofSeconds(3);
    private static final Duration EXIT_POLL = Duration.ofMillis(10);

    private final SeleniumSettings settings;
    private final Path home;
    private final AtomicBoolean discarded = new AtomicBoolean();
    private volatile ChromeDriverService service;
    private volatile ProcessHandle driverProcess;
    private volatile ProcessHandle browserProcess;
    private volatile ChromeDriver driver;

    private Browser(SeleniumSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    /**
     * Prepares a browser's folder without starting anything yet, so that whoever holds the result can
     * {@link #discard()} it even while {@link #launch} is still under way.
     */
    static Browser prepare(SeleniumSettings settings) {
        // The pid in the name tells which JVM a folder (and the processes named after it) belongs to.
        String prefix = FOLDER_PREFIX + ProcessHandle.current().pid() + "-";
        for (int attempt = 1; ; attempt++) {
            Path home = settings.workRoot().resolve(prefix + randomSuffix());
            try {
                Files.createDirectory(home, OWNER_ONLY);
                return new Browser(settings, home);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new UncheckedIOException("Cannot find a free folder name for Chromium under " + settings.workRoot(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a folder for Chromium under " + settings.workRoot(), e);
            }
        }
    }

    /** Starts chromedriver and Chromium, giving up when {@code deadline} has passed. */
    void launch(Deadline deadline) throws IOException {
        Path userData = Files.createDirectories(home.resolve("profile"));
        Path diskCache = Files.createDirectories(home.resolve("cache"));
        Path config = Files.createDirectories(home.resolve("config"));

        // Selenium Manager (which downloads drivers) is skipped when the driver's path is known.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, settings.chromedriver().toString());
        Map<String, String> environment = new LinkedHashMap<>();
        // Chromium writes its crash database under XDG_CONFIG_HOME and scratch files under TMPDIR: keep them in
        // our folder, which also puts the folder's path on the crashpad handlers' command lines.
        environment.put("XDG_CONFIG_HOME", config.toString());
        environment.put("XDG_CACHE_HOME", diskCache.toString());
        // TMPDIR is the folder itself, not a subfolder: Chromium puts a Unix socket there (see MAX_WORK_ROOT_LENGTH).
        environment.put("TMPDIR", home.toString());
        ChromeDriverService newService = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(environment)
                .withTimeout(atLeast(deadline.remaining(), Duration.ofSeconds(1)))
                // Logs nothing; the path only puts the folder on chromedriver's command line, as on every other process.
                .withLogFile(home.resolve("chromedriver.log").toFile())
                .withLogLevel(ChromiumDriverLogLevel.OFF)
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        service = newService;
        newService.start();
        driverProcess = findDriverProcess(newService.getUrl().getPort()).orElse(null);
        if (discarded.get()) {
            throw new WebDriverException("The browser was discarded while it started.");
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromiumBinary().toFile());
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + userData, "--disk-cache-dir=" + diskCache);
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.images", 2));
        // Every command's HTTP call is bounded, so a wedged chromedriver cannot hold a thread forever.
        ClientConfig clientConfig = ClientConfig.defaultConfig()
                .connectionTimeout(Duration.ofSeconds(5))
                .readTimeout(settings.scrapeTimeout().plusSeconds(10));
        driver = new ChromeDriver(newService, options, clientConfig);
        browserProcess = findBrowserProcess().orElse(null);
        if (discarded.get()) {
            throw new WebDriverException("The browser was discarded while it started.");
        }
    }

    ChromeDriver driver() {
        ChromeDriver current = driver;
        if (current == null) {
            throw new IllegalStateException("The browser has not been launched.");
        }
        return current;
    }

    /** Cheap: no command is sent. False once the browser or its driver has exited or was discarded. */
    boolean isAlive() {
        if (discarded.get() || driver == null) {
            return false;
        }
        ProcessHandle driverHandle = driverProcess;
        ProcessHandle browserHandle = browserProcess;
        return (driverHandle == null || isRunning(driverHandle)) && (browserHandle == null || isRunning(browserHandle));
    }

    /** Whether the browser still answers a trivial command. */
    boolean responds() {
        if (!isAlive()) {
            return false;
        }
        try {
            // A script needs the browser and its renderer; chromedriver answers getWindowHandle from its
            // own state for a moment after the browser was killed, which let a dead browser be reused.
            ((JavascriptExecutor) driver).executeScript("return 1");
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /**
     * Forgets what the last page left behind, so that one scrape cannot influence the next: cookies of
     * every site, and the origin's local and session storage, IndexedDB and service workers. It stays on
     * the page (no about:blank), because leaving costs a renderer-process swap of 50 ms or more and the
     * next scrape navigates away anyway; a pending load is stopped so that nothing arrives late.
     */
    void clearState() {
        ChromeDriver current = driver();
        current.executeCdpCommand("Page.stopLoading", Map.of());
        current.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        // "local_storage" also clears the tab's session storage for the origin (checked against Chromium 156).
        current.executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", settings.origin(), "storageTypes", STORAGE_TO_CLEAR));
    }

    /**
     * Kills chromedriver, Chromium and every helper process, then deletes the folder. Safe to call from
     * any thread, at any stage of {@link #launch}, more than once. A browser being discarded is
     * presumed broken or unwanted, so nothing is asked of it politely: a hung one would not answer.
     */
    void discard() {
        if (!discarded.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> processes = ownProcesses();
        processes.forEach(ProcessHandle::destroyForcibly);
        awaitExit(processes);
        ChromeDriverService currentService = service;
        if (currentService != null) {
            try {
                currentService.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "chromedriver did not stop cleanly", e);
            }
        }
        // Anything that started between the first sweep and the kill (a late renderer) goes too.
        List<ProcessHandle> stragglers = ownProcesses();
        stragglers.forEach(ProcessHandle::destroyForcibly);
        awaitExit(stragglers);
        deleteFolder();
    }

    /** The processes of this browser still running: chromedriver, its descendants, and anything naming our folder. */
    List<ProcessHandle> ownProcesses() {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle driverHandle = driverProcess;
        if (driverHandle != null && isRunning(driverHandle)) {
            driverHandle.descendants().forEach(found::add);
            found.add(driverHandle);
        }
        // With the separator, so that another browser's folder whose name merely starts with ours does not match.
        String marker = home + File.separator;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> isRunning(process) && commandLineOf(process).contains(marker))
                    .filter(process -> !found.contains(process))
                    .forEach(found::add);
        }
        return found;
    }

    @Override
    public String toString() {
        return "Chromium in " + home;
    }

    private static Optional<ProcessHandle> findDriverProcess(int port) {
        String portArgument = "--port=" + port;
        return ProcessHandle.current().children()
                .filter(process -> commandLineOf(process).contains(portArgument))
                .findFirst();
    }

    private Optional<ProcessHandle> findBrowserProcess() {
        String userDataArgument = "--user-data-dir=" + home.resolve("profile");
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(process -> {
                String commandLine = commandLineOf(process);
                return commandLine.contains(userDataArgument) && !commandLine.contains("--type=");
            }).findFirst();
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
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
            // SIGKILL takes effect within milliseconds; there is no event to wait on for a process that is not our child.
            LockSupport.parkNanos(EXIT_POLL.toNanos());
        }
    }

    private void deleteFolder() {
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "Could not delete " + path, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete Chromium's folder " + home, e);
        }
    }

    private static String randomSuffix() {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(digits.charAt(ThreadLocalRandom.current().nextInt(digits.length())));
        }
        return suffix.toString();
    }

    private static java.util.logging.Logger quietened(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static Duration atLeast(Duration value, Duration minimum) {
        return value.compareTo(minimum) < 0 ? minimum : value;
    }
}
