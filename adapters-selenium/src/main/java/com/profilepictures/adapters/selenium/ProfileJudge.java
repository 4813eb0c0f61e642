package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.PageHead.Reading;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountNotFound;
import com.profilepictures.domain.scrape.ScrapeVerdict.AccountSuspended;
import com.profilepictures.domain.scrape.ScrapeVerdict.Blocked;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.ScrapeVerdict.UpstreamMismatch;
import com.profilepictures.domain.scrape.ScrapeVerdict.UpstreamUnreachable;
import com.profilepictures.domain.scrape.XSite;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides, look after look at one profile page, what the page says about the requested account: a verdict, or
 * nothing yet. The app's own avatar of the owner settles it at once. Everything else that names an account (the
 * app's name block, the head's JSON-LD and Open Graph tags) counts only while the page's signals agree, and only
 * after the app had its chance to show more: the head is X's server's word, which may lag behind a changed
 * picture, and an app still loading may yet show the owner. The head is read by the domain's rule
 * ({@link com.profilepictures.domain.scrape.PageHead}), the crawler's too; image URLs by {@link PictureUrl#classify}.
 */
final class ProfileJudge {

    // X sometimes renders the name block a moment before the avatar; the head's picture is only a fallback, and
    // may lag behind a changed picture, so the avatar gets this long after the app shows the owner's name block.
    // A page whose name block names someone else is judged after as long.
    static final Duration APP_GRACE = Duration.ofSeconds(1);
    // While the app shows nothing of the profile it may still be loading its scripts: it gets this long after
    // the head first vouched for (or named) an account before the head is believed alone.
    static final Duration HEAD_GRACE = Duration.ofSeconds(2);
    // Past this, a picture the page offers beats no verdict at all, if nothing on the page names someone else.
    static final Duration NEAR_DEADLINE = Duration.ofMillis(250);
    // A default avatar may be a suspended account's placeholder drawn just before its notice: let the notice show.
    static final Duration DEFAULT_PICTURE_SETTLE = Duration.ofMillis(300);

    private final Handle requested;
    private final URI url;
    private final XSite site;
    private final Deadline deadline;
    private final LongSupplier nanoClock;
    private long ownerNameSince = -1;
    private long headSince = -1;
    private long defaultPictureSince = -1;
    // The one other account the page has named since otherAccountSince, without naming the requested one.
    private String otherAccount;
    private long otherAccountSince = -1;
    // The accounts the page named instead of the requested one at the last look, for the timed-out detail.
    private Set<String> othersShown = Set.of();
    // When the look being judged was taken: on the page's clock when the probe says, so that the graces measure
    // what the page showed when, not when its answers came back through a slow or stalled WebDriver round trip.
    // The page's clock is wall time (performance.timeOrigin + now), so a clock step between two looks could
    // shorten or stretch a grace; the deadline, on the JVM's clock, still bounds every scrape.
    private long lookedAt;
    // Whether this page's looks carry the page's clock: decided by the first, held to by the rest, as the two
    // clocks cannot be compared.
    private Boolean onPageClock;

    ProfileJudge(Handle requested, URI url, XSite site, Deadline deadline, LongSupplier nanoClock) {
        this.requested = requested;
        this.url = url;
        this.site = site;
        this.deadline = deadline;
        this.nanoClock = nanoClock;
    }

    /** The verdict this look shows, or null to keep looking. */
    ScrapeVerdict judge(Look look) {
        boolean stamped = look.takenAtNanos().isPresent();
        if (onPageClock == null) {
            onPageClock = stamped;
        } else if (onPageClock != stamped) {
            throw new IllegalStateException(
                    "Looks at " + url + " came " + (stamped ? "without, then with" : "with, then without")
                            + " the page's clock; the graces cannot mix the page's clock and the JVM's.");
        }
        lookedAt = look.takenAtNanos().orElseGet(nanoClock);
        if (look.verdict() == null) {
            return pending(look);
        }
        return switch (look.verdict()) {
            case "unreachable" -> new UpstreamUnreachable("X's page " + url + " could not be loaded: " + look.detail());
            case "http-status" -> new Blocked("X answered " + url + " with HTTP " + look.detail() + ".");
            case "login" -> new Blocked("X showed its login wall (" + look.detail() + ") instead of the profile.");
            case "missing" -> new AccountNotFound("X says @" + requested.display() + " doesn't exist.");
            case "suspended" -> new AccountSuspended("X says @" + requested.display() + " is suspended.");
            case "owner" -> ownersAvatar(look.handle(), look.picture());
            default -> throw new IllegalStateException("The probe returned an unknown verdict: " + look.verdict());
        };
    }

    /** No verdict by the deadline. */
    TimedOut timedOut() {
        if (!othersShown.isEmpty()) {
            // Not Found (the pictures on the page are someone else's) and not UpstreamMismatch (the page never
            // named one other account consistently): whether X would have shown @requested is unknown.
            return new TimedOut("X's page " + url + " named " + mentions(othersShown) + ", not @" + requested.display()
                    + ", until the scrape's deadline.");
        }
        return new TimedOut("X's page " + url + " showed no verdict before the scrape's deadline.");
    }

    /** Whether the deadline is close enough that a picture the page offers beats no verdict at all. */
    boolean nearDeadline() {
        return deadline.expiresAtNanos() - nanoClock.getAsLong() <= NEAR_DEADLINE.toNanos();
    }

    private ScrapeVerdict ownersAvatar(String pageHandle, String picture) {
        if (picture.contains("/default_profile_images/")) {
            defaultPictureSince = since(defaultPictureSince);
            if (!lasted(defaultPictureSince, DEFAULT_PICTURE_SETTLE) && !nearDeadline()) {
                return null;
            }
        }
        return found(pageHandle, picture);
    }

    private ScrapeVerdict pending(Look look) {
        String appOwner = look.handle();
        Reading head = look.head().readFor(requested, site);
        String headOwner =
                head instanceof Reading.Vouches vouches ? vouches.account().display() : null;
        if (appOwner != null) {
            ownerNameSince = since(ownerNameSince);
        }
        if (headOwner != null) {
            headSince = since(headSince);
        }
        othersShown = othersNamed(look.otherHandle(), head);
        // The head's picture when it vouches; an og:image no og:url claims only when the app says whose page this is.
        Optional<String> offered = switch (head) {
            case Reading.Vouches vouches -> vouches.picture();
            case Reading.NamesNobody(Optional<String> image) when appOwner != null -> image;
            case Reading.NamesNobody nobody -> Optional.empty();
            case Reading.NamesOthers others -> Optional.empty();
        };
        // X's site-wide image is nobody's picture, so never a verdict of any kind.
        String picture = offered.filter(offer -> !(PictureUrl.classify(offer) instanceof PictureUrl.Kind.SiteWideImage))
                .orElse(null);

        if (!look.profileShown() && look.errorShown()) {
            // The app gave up on the profile and will show no avatar: the head, if it vouches, is all there is.
            if (headOwner != null && picture != null && othersShown.isEmpty()) {
                return found(headOwner, picture);
            }
            return new Blocked("X showed \"Something went wrong. Try reloading.\" instead of the profile.");
        }
        if (appOwner == null && headOwner == null && othersShown.size() == 1) {
            return anotherAccount(look, othersShown.iterator().next());
        }
        otherAccount = null;
        if (picture == null || !othersShown.isEmpty()) {
            return null;
        }
        boolean graceOver = appOwner != null
                ? lasted(ownerNameSince, APP_GRACE)
                : headOwner != null && lasted(headSince, HEAD_GRACE);
        // A page X serves half-rendered still beats no verdict, as long as it is still the requested profile's.
        boolean lastResort = nearDeadline() && look.onProfilePath();
        if (graceOver || lastResort) {
            return found(appOwner != null ? appOwner : headOwner, picture);
        }
        return null;
    }

    /**
     * The page names one other account and never the requested one. That is X showing another account's
     * profile only once it has lasted: as long as the app's grace when the app's name block says so, or the
     * head's when only the head does (the app may yet show the requested account).
     */
    private ScrapeVerdict anotherAccount(Look look, String other) {
        if (!other.equalsIgnoreCase(otherAccount)) {
            otherAccount = other;
            otherAccountSince = lookedAt;
        }
        Duration grace = look.otherHandle() != null ? APP_GRACE : HEAD_GRACE;
        if (lasted(otherAccountSince, grace) || nearDeadline()) {
            return new UpstreamMismatch(
                    "X's page " + url + " showed @" + other + "'s profile, not @" + requested.display() + "'s.");
        }
        return null;
    }

    /** Every account the app's name block or the head names instead of the requested one, one entry per account. */
    private static Set<String> othersNamed(String appOther, Reading head) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (appOther != null) {
            byKey.putIfAbsent(appOther.toLowerCase(Locale.ROOT), appOther);
        }
        if (head instanceof Reading.NamesOthers(List<Handle> others)) {
            for (Handle other : others) {
                byKey.putIfAbsent(other.key(), other.display());
            }
        }
        return Set.copyOf(byKey.values());
    }

    private ScrapeVerdict found(String pageHandle, String picture) {
        Handle canonical = canonicalHandle(pageHandle);
        String profile = "The picture on @" + canonical.display() + "'s profile is ";
        return switch (PictureUrl.classify(picture)) {
            case PictureUrl.Kind.ProfilePictureUrl(PictureUrl url) -> new Found(canonical, url);
            case PictureUrl.Kind.SiteWideImage(String url) ->
                new InvalidPictureUrl(profile + "an image of X's that is not a profile picture: " + url);
            case PictureUrl.Kind.ForeignImage(String url, String why) -> new InvalidPictureUrl(profile + why);
        };
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

    private long since(long firstSeen) {
        return firstSeen < 0 ? lookedAt : firstSeen;
    }

    private boolean lasted(long firstSeen, Duration length) {
        return firstSeen >= 0 && lookedAt - firstSeen >= length.toNanos();
    }

    private static String mentions(Set<String> handles) {
        return String.join(
                " and ", handles.stream().sorted().map(handle -> "@" + handle).toList());
    }
}
