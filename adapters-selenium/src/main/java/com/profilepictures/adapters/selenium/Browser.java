package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.scrape.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * One headless Chromium and its chromedriver: launched into a folder of their own, wiped between scrapes,
 * and discarded with every process they started and the folder.
 */
final class Browser {

    private static final System.Logger LOG = System.getLogger(Browser.class.getName());

    // Selenium warns at every start that no selenium-devtools module matches this Chromium. None is
    // needed: CDP commands go through chromedriver (executeCdpCommand), so the warning is only noise in
    // the logs. Held in a field because java.util.logging forgets the level of an unreferenced logger.
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            quietened("org.openqa.selenium.devtools.CdpVersionFinder");

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

    // chromedriver's own timeouts (page loads, scripts) end first; this only bounds a call it never answers.
    private static final Duration HTTP_SLACK = Duration.ofSeconds(10);

    private final SeleniumSettings settings;
    private final BrowserFolder folder;
    private final ChromiumProcesses processes;
    private final AtomicBoolean discarded = new AtomicBoolean();
    private volatile ChromeDriverService service;
    private volatile ChromeDriver driver;

    private Browser(SeleniumSettings settings, BrowserFolder folder) {
        this.settings = settings;
        this.folder = folder;
        this.processes = new ChromiumProcesses(folder);
    }

    /**
     * Prepares a browser's folder without starting anything yet, so that whoever holds the result can
     * {@link #discard()} it even while {@link #launch} is still under way.
     */
    static Browser prepare(SeleniumSettings settings) {
        return new Browser(settings, BrowserFolder.createUnder(settings.workRoot()));
    }

    /** Starts chromedriver and Chromium, giving up when {@code deadline} has passed. */
    void launch(Deadline deadline) throws IOException {
        Path userData = folder.subfolder("profile");
        Path diskCache = folder.subfolder("cache");
        Path config = folder.subfolder("config");

        Map<String, String> environment = new LinkedHashMap<>();
        // Chromium writes its crash database under XDG_CONFIG_HOME and scratch files under TMPDIR: keep them in
        // our folder, which also puts the folder's path on the crashpad handlers' command lines. TMPDIR is the
        // folder itself, not a subfolder, as Chromium puts a socket there (see BrowserFolder.MAX_ROOT_LENGTH).
        environment.put("XDG_CONFIG_HOME", config.toString());
        environment.put("XDG_CACHE_HOME", diskCache.toString());
        environment.put("TMPDIR", folder.path().toString());
        // The driver's path is given, so Selenium Manager (which downloads drivers) never runs.
        ChromeDriverService newService = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(environment)
                .withTimeout(atLeast(deadline.remaining(), Duration.ofSeconds(1)))
                // Logs nothing; the path only puts the folder on chromedriver's command line, as on every other
                // process.
                .withLogFile(folder.path().resolve("chromedriver.log").toFile())
                .withLogLevel(ChromiumDriverLogLevel.OFF)
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        service = newService;
        newService.start();
        processes.driverStartedOn(newService.getUrl().getPort());
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
                .readTimeout(settings.commandTimeout().plus(HTTP_SLACK));
        driver = new ChromeDriver(newService, options, clientConfig);
        processes.browserStartedWith(userData);
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
        return !discarded.get() && driver != null && processes.running();
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
        current.executeCdpCommand(
                "Storage.clearDataForOrigin", Map.of("origin", settings.origin(), "storageTypes", STORAGE_TO_CLEAR));
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
        processes.killAll();
        ChromeDriverService currentService = service;
        if (currentService != null) {
            try {
                currentService.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "chromedriver did not stop cleanly", e);
            }
        }
        // Anything that started between the first sweep and the kill (a late renderer) goes too.
        processes.killAll();
        folder.delete();
    }

    @Override
    public String toString() {
        return "Chromium in " + folder;
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
