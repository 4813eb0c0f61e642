package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.Deadline;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.InvalidHandleException;
import com.profilepictures.domain.InvalidPictureUrlException;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ScrapeVerdict;
import com.profilepictures.domain.ScrapeVerdict.AccountNotFound;
import com.profilepictures.domain.ScrapeVerdict.AccountSuspended;
import com.profilepictures.domain.ScrapeVerdict.Blocked;
import com.profilepictures.domain.ScrapeVerdict.Found;
import com.profilepictures.domain.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.ScrapeVerdict.UpstreamUnreachable;
import com.profilepictures.domain.ScraperUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * One look at one profile: loads the page and polls it until it shows a verdict or the deadline
 * passes. Every verdict comes from the page; only a browser that stops answering is an exception.
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
    // X sometimes renders the name block a moment before the avatar; og:image is only a fallback, and may
    // lag behind a changed picture, so the avatar gets this long after the owner's name block shows.
    private static final Duration OG_IMAGE_GRACE = Duration.ofSeconds(1);
    // Past this, an og:image beats no verdict at all, unless the page shows someone else (see pendingVerdict).
    private static final Duration NEAR_DEADLINE = Duration.ofMillis(250);
    // A default avatar may be a suspended account's placeholder drawn just before its notice: let the notice show.
    private static final Duration DEFAULT_PICTURE_SETTLE = Duration.ofMillis(300);

    private final Browser browser;
    private final SeleniumSettings settings;
    private final Handle requested;
    private final URI url;
    private final Deadline deadline;
    private long ownerNameFirstSeenNanos = -1;
    private long defaultPictureFirstSeenNanos = -1;
    // The account the name block named instead of the requested one at the last look, for the timed-out detail.
    private String otherAccountShown;

    ProfilePage(Browser browser, SeleniumSettings settings, Handle requested, Deadline deadline) {
        this.browser = browser;
        this.settings = settings;
        this.requested = requested;
        this.url = settings.profileUrl(requested.display());
        this.deadline = deadline;
    }

    ScrapeVerdict read() {
        Duration untilDeadline = deadline.remaining().minus(AFTER_LOAD_RESERVE);
        if (untilDeadline.isNegative() || untilDeadline.isZero()) {
            return timedOut();
        }
        Duration loadBudget = untilDeadline.compareTo(settings.commandTimeout()) < 0 ? untilDeadline : settings.commandTimeout();
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
            return timedOut();
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
        String verdict = (String) seen.get("verdict");
        String detail = Objects.toString(seen.get("detail"), "");
        if (verdict != null) {
            switch (verdict) {
                case "unreachable":
                    return new UpstreamUnreachable("X's page " + url + " could not be loaded: " + detail);
                case "http-status":
                    return new Blocked("X answered " + url + " with HTTP " + detail + ".");
                case "login":
                    return new Blocked("X showed its login wall (" + detail + ") instead of the profile.");
                case "missing":
                    return new AccountNotFound("X says @" + requested.display() + " doesn't exist.");
                case "suspended":
                    return new AccountSuspended("X says @" + requested.display() + " is suspended.");
                case "owner":
                    return ownersPicture((String) seen.get("handle"), (String) seen.get("picture"));
                default:
                    throw new IllegalStateException("The probe returned an unknown verdict: " + verdict);
            }
        }
        return pendingVerdict(seen);
    }

    private ScrapeVerdict ownersPicture(String pageHandle, String picture) {
        if (picture.contains("/default_profile_images/")) {
            long now = System.nanoTime();
            if (defaultPictureFirstSeenNanos < 0) {
                defaultPictureFirstSeenNanos = now;
            }
            if (now - defaultPictureFirstSeenNanos < DEFAULT_PICTURE_SETTLE.toNanos() && !nearDeadline()) {
                return null;
            }
        }
        return found(pageHandle, picture);
    }

    /**
     * og:image is a page-wide tag, not tied to an account, so it is taken only where the page vouches for the
     * requested account: once the name block has named it (handle) for the grace period, with the name
     * block's spelling. Near the deadline the name block need not be there (a page X serves half-rendered
     * still beats no verdict) but must not name another account (otherHandle), and the page must still be
     * the requested profile's; then the requested spelling is the best there is.
     */
    private ScrapeVerdict pendingVerdict(Map<String, Object> seen) {
        boolean profileShown = Boolean.TRUE.equals(seen.get("profileShown"));
        String ownerHandle = (String) seen.get("handle");
        String ogImage = (String) seen.get("ogImage");
        otherAccountShown = (String) seen.get("otherHandle");
        if (!profileShown && Boolean.TRUE.equals(seen.get("errorShown"))) {
            return new Blocked("X showed \"Something went wrong. Try reloading.\" instead of the profile.");
        }
        if (ownerHandle != null && ownerNameFirstSeenNanos < 0) {
            ownerNameFirstSeenNanos = System.nanoTime();
        }
        boolean graceOver = ownerHandle != null
                && System.nanoTime() - ownerNameFirstSeenNanos >= OG_IMAGE_GRACE.toNanos();
        boolean lastResort = nearDeadline() && otherAccountShown == null
                && Boolean.TRUE.equals(seen.get("onProfilePath"));
        if (ogImage != null && (graceOver || lastResort)) {
            return found(ownerHandle, ogImage);
        }
        return null;
    }

    private ScrapeVerdict found(String pageHandle, String picture) {
        Handle canonical = canonicalHandle(pageHandle);
        try {
            return new Found(canonical, PictureUrl.of(picture));
        } catch (InvalidPictureUrlException e) {
            return new InvalidPictureUrl("The picture on @" + canonical.display() + "'s profile is not an X "
                    + "profile-picture URL: " + e.getMessage());
        }
    }

    /** The page's spelling of the handle when it names the same account, else the one requested. */
    private Handle canonicalHandle(String pageHandle) {
        if (pageHandle == null) {
            return requested;
        }
        try {
            Handle shown = Handle.of(pageHandle);
            return shown.sameAccountAs(requested) ? shown : requested;
        } catch (InvalidHandleException e) {
            return requested;
        }
    }

    private boolean nearDeadline() {
        return deadline.remaining().compareTo(NEAR_DEADLINE) <= 0;
    }

    private TimedOut timedOut() {
        if (otherAccountShown != null) {
            // Not Found (the picture on the page is someone else's) and not AccountNotFound (X never said so):
            // whether X would have shown @requested given more time is unknown, so no verdict it is.
            return new TimedOut("X's page " + url + " showed @" + otherAccountShown + "'s profile, not @"
                    + requested.display() + "'s, until the scrape's deadline.");
        }
        return new TimedOut("X's page " + url + " showed no verdict before the scrape's deadline.");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> probe(WebDriver driver) {
        // Never past the deadline: the caller's last look must come back in time.
        long wait = Math.max(0, Math.min(IN_PAGE_WAIT.toMillis(), deadline.remaining().minus(NEAR_DEADLINE).toMillis()));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(WAITING_PROBE, requested.key(), wait,
                IN_PAGE_INTERVAL.toMillis());
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
