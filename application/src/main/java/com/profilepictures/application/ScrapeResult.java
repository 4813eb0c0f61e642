package com.profilepictures.application;

import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a scrape-and-store ended (a picture stored or checked, or none), which source decided it, and what the sources before it could not tell. */
public sealed interface ScrapeResult {

    /** The source whose verdict settled the scrape. */
    ScrapeSource source();

    /** The sources that could not tell, in the order they were asked, with why. */
    Map<ScrapeSource, ScrapeVerdict.Undecided> undecided();

    /**
     * A picture was found and offered to the repository; {@code saved} says whether it is now stored or a
     * newer one that another scrape stored first stays.
     */
    record Stored(SaveOutcome saved, ScrapeSource source, Map<ScrapeSource, ScrapeVerdict.Undecided> undecided)
            implements ScrapeResult {
        public Stored {
            Objects.requireNonNull(saved, "saved");
            undecided = undecidedBefore(source, undecided);
        }
    }

    /**
     * The picture found is the one stored (at any size, the handle spelt as stored): only the account's check was
     * recorded, as a refresh records it, so {@code current} keeps when its picture was first seen ({@code scrapedAt})
     * and carries the check's {@code checkedAt} (or a later check's, stored first).
     */
    record Checked(ProfilePicture current, ScrapeSource source, Map<ScrapeSource, ScrapeVerdict.Undecided> undecided)
            implements ScrapeResult {
        public Checked {
            Objects.requireNonNull(current, "current");
            undecided = undecidedBefore(source, undecided);
        }
    }

    /** No picture: nothing was stored, and what was stored before stays as it was. */
    record Failed(
            ScrapeVerdict.Failure failure, ScrapeSource source, Map<ScrapeSource, ScrapeVerdict.Undecided> undecided)
            implements ScrapeResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
            undecided = undecidedBefore(source, undecided);
        }
    }

    /** What every result says besides its outcome: the deciding {@code source} (required), and a copy of the undecided. */
    private static Map<ScrapeSource, ScrapeVerdict.Undecided> undecidedBefore(
            ScrapeSource source, Map<ScrapeSource, ScrapeVerdict.Undecided> undecided) {
        Objects.requireNonNull(source, "source");
        return Collections.unmodifiableMap(new LinkedHashMap<>(undecided));
    }
}
