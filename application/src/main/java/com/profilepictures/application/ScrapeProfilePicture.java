package com.profilepictures.application;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scrapes an account's current picture off X and stores it, unless a newer one is stored already; the picture
 * stored already (at any size) is recorded as checked, as the refresh records it, and keeps its first-seen time. The
 * sources are asked in order within one deadline; the first that can tell settles the scrape, and a
 * later one is asked only when those before it were undecided.
 */
public final class ScrapeProfilePicture {

    private final List<ScrapeStep> steps;
    private final Duration scrapeTimeout;
    private final FoundPicture pictures;
    private final Clock clock;

    public ScrapeProfilePicture(
            List<ScrapeStep> steps, Duration scrapeTimeout, ProfilePictureRepository repository, Clock clock) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A scrape needs at least one source.");
        }
        if (steps.stream().map(ScrapeStep::source).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("Each source is asked once: " + steps);
        }
        this.steps = List.copyOf(steps);
        this.scrapeTimeout = Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
        this.pictures = new FoundPicture(Objects.requireNonNull(repository, "repository"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ScrapeResult scrape(Handle handle) {
        Deadline deadline = Deadline.after(scrapeTimeout);
        // In the order asked, which SCRAPE_SOURCES sets, whatever the enum's order.
        Map<ScrapeSource, Undecided> undecided = new LinkedHashMap<>();
        // Every verdict of the last source ends the scrape, so the loop never runs past it.
        for (int next = 0; ; next++) {
            ScrapeStep step = steps.get(next);
            boolean last = next == steps.size() - 1;
            switch (step.scraper().scrape(handle, step.deadlineWithin(deadline))) {
                case Undecided unsure when !last -> undecided.put(step.source(), unsure);
                case Undecided unsure -> {
                    undecided.put(step.source(), unsure);
                    return new ScrapeResult.Failed(failureFor(unsure), step.source(), undecided);
                }
                case ScrapeVerdict.Failure failure -> {
                    return new ScrapeResult.Failed(failure, step.source(), undecided);
                }
                case ScrapeVerdict.Found found -> {
                    return store(handle, found, step.source(), undecided);
                }
            }
        }
    }

    private ScrapeResult store(
            Handle handle, ScrapeVerdict.Found found, ScrapeSource source, Map<ScrapeSource, Undecided> undecided) {
        // The verdict's time (scrapedAt of a new picture, checkedAt always), so it is read after the scrape.
        var scrapedAt = clock.instant();
        if (!found.canonicalHandle().sameAccountAs(handle)) {
            // Never store one account's picture under another's name.
            return new ScrapeResult.Failed(
                    new ScrapeVerdict.UpstreamMismatch(
                            "X served the profile of @" + found.canonicalHandle() + " when asked for @" + handle + "."),
                    source,
                    undecided);
        }
        // The same write as a refresh's: the stored picture found again moves checkedAt only.
        return pictures.write(
                found,
                scrapedAt,
                current -> new ScrapeResult.Checked(current, source, undecided),
                saved -> new ScrapeResult.Stored(saved, source, undecided));
    }

    /** When no source is left to ask, an undecided answer is the failure its cause names. */
    static ScrapeVerdict.Failure failureFor(Undecided undecided) {
        // A switch expression over an enum: the compiler rejects a cause left unmapped.
        String detail = undecided.detail();
        return switch (undecided.cause()) {
            case TIMED_OUT -> new ScrapeVerdict.TimedOut(detail);
            case UNREACHABLE -> new ScrapeVerdict.UpstreamUnreachable(detail);
            case OTHER_ACCOUNT -> new ScrapeVerdict.UpstreamMismatch(detail);
            case NO_PROFILE, RATE_LIMITED -> new ScrapeVerdict.Blocked(detail);
            case CREDENTIALS_REFUSED -> new ScrapeVerdict.CredentialsRefused(detail);
        };
    }
}
