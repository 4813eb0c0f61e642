package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.XSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * One profile page in the browser: loads it, and looks at it again and again until {@link ProfileJudge} finds a
 * verdict in what it shows or the deadline passes. Every verdict comes from the page; only a browser that stops
 * answering is an exception.
 */
final class ProfilePage {

    private static final String PROBE = loadProbe();

    /*
     * Each look runs the probe inside the page every IN_PAGE_INTERVAL until it shows a verdict or
     * IN_PAGE_WAIT has passed, then answers: a verdict is seen within milliseconds of being drawn, at the
     * cost of one WebDriver round trip per IN_PAGE_WAIT instead of one per poll. (Polling from here every
     * 50 ms added 25 ms on average, and up to 50, to every scrape.)
     */
    static final Duration IN_PAGE_INTERVAL = Duration.ofMillis(10);
    static final Duration IN_PAGE_WAIT = Duration.ofMillis(250);
    // The probe as a function, run in the page until it shows a verdict or the wait is over.
    private static final String WAITING_PROBE = "const done = arguments[arguments.length - 1];\n"
            + "const key = arguments[0];\n"
            + "const until = Date.now() + arguments[1];\n"
            + "const interval = arguments[2];\n"
            + "const look = function () {\n" + PROBE + "\n};\n"
            + "const check = function () {\n"
            + "  const seen = look(key);\n"
            + "  if (seen.verdict || Date.now() >= until) {\n"
            + "    seen.takenAt = performance.timeOrigin + performance.now();\n"
            + "    done(seen);\n"
            + "  } else {\n"
            + "    setTimeout(check, interval);\n"
            + "  }\n"
            + "};\n"
            + "check();\n";

    // Between two looks. Short, as each look waits in the page already; it paces only the looks that come
    // back at once with a verdict held back here (a default picture settling).
    static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    // Left for polling after a slow load: one last look can still find a verdict.
    private static final Duration AFTER_LOAD_RESERVE = Duration.ofMillis(100);

    private final Browser browser;
    private final SeleniumSettings settings;
    private final Handle requested;
    private final URI url;
    private final Deadline deadline;
    private final ProfileJudge judge;

    ProfilePage(Browser browser, SeleniumSettings settings, Handle requested, Deadline deadline) {
        this.browser = browser;
        this.settings = settings;
        this.requested = requested;
        this.url = settings.profileUrl(requested.display());
        this.deadline = deadline;
        this.judge = new ProfileJudge(requested, url, new XSite(settings.baseUrl()), deadline, System::nanoTime);
    }

    ScrapeVerdict read() {
        Duration untilDeadline = deadline.remaining().minus(AFTER_LOAD_RESERVE);
        if (untilDeadline.isNegative() || untilDeadline.isZero()) {
            return judge.timedOut();
        }
        Duration loadBudget =
                untilDeadline.compareTo(settings.commandTimeout()) < 0 ? untilDeadline : settings.commandTimeout();
        WebDriver driver = browser.driver();
        try {
            driver.manage().timeouts().pageLoadTimeout(loadBudget);
            driver.get(url.toString());
        } catch (TimeoutException e) {
            return new TimedOut("The profile page " + url + " did not load within " + loadBudget + ".");
        } catch (WebDriverException e) {
            // Chromium reports failed navigations as error pages, which the probe reads; anything else
            // is fatal only if the browser has stopped answering.
            failIfBrowserIsGone(e);
        }
        try {
            return new FluentWait<>(driver)
                    .withTimeout(deadline.remaining())
                    .pollingEvery(POLL_INTERVAL)
                    .until(this::verdictNow);
        } catch (TimeoutException e) {
            return judge.timedOut();
        }
    }

    /** A verdict if the page shows one now, or null to keep polling. */
    private ScrapeVerdict verdictNow(WebDriver driver) {
        Map<String, Object> seen;
        try {
            seen = probe(driver);
        } catch (WebDriverException e) {
            // A navigation (e.g. a redirect) can swap the document under a running script.
            failIfBrowserIsGone(e);
            return null;
        }
        return judge.judge(Look.from(seen));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> probe(WebDriver driver) {
        // Never past the deadline: the caller's last look must come back in time.
        long wait = Math.max(
                0,
                Math.min(
                        IN_PAGE_WAIT.toMillis(),
                        deadline.remaining().minus(ProfileJudge.NEAR_DEADLINE).toMillis()));
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript(WAITING_PROBE, requested.key(), wait, IN_PAGE_INTERVAL.toMillis());
        if (!(result instanceof Map)) {
            throw new WebDriverException("The probe returned " + result);
        }
        return (Map<String, Object>) result;
    }

    private void failIfBrowserIsGone(WebDriverException cause) {
        if (!browser.responds()) {
            throw new ScraperUnavailableException("The browser stopped answering mid-scrape.", cause);
        }
    }

    private static String loadProbe() {
        try (InputStream in = ProfilePage.class.getResourceAsStream("profile-probe.js")) {
            if (in == null) {
                throw new IllegalStateException("profile-probe.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
