package com.profilepictures.application;

import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How refreshing one account ended ({@link RefreshProfilePictures}), which says what becomes of its queue
 * message: done ({@link Refreshed}, {@link Unchanged}, {@link AccountStateRecorded}), sent to the browser's
 * queue ({@link NeedsBrowser}), sent again later ({@link RetryLater}), or left to the queue's own retries and
 * dead-letter queue ({@link Failed}).
 */
public sealed interface RefreshOutcome {

    /** The account showed another picture, now stored (the archive and history follow from the stream). */
    record Refreshed(ProfilePicture current) implements RefreshOutcome {
        public Refreshed {
            Objects.requireNonNull(current, "current");
        }
    }

    /** Nothing new: the same picture (only {@code checkedAt} moved), or a later check or scrape was stored first. */
    record Unchanged(ProfilePicture current) implements RefreshOutcome {
        public Unchanged {
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * X said the account is gone or suspended: recorded on the stored account ({@code current}), whose picture,
     * archive and history stay; nothing is stored for an account never stored ({@code current} empty).
     */
    record AccountStateRecorded(AccountStatus status, Optional<ProfilePicture> current) implements RefreshOutcome {
        public AccountStateRecorded {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(current, "current");
        }
    }

    /** The browserless source's page cannot tell (no profile on it, another account's): only a browser may. */
    record NeedsBrowser(String detail) implements RefreshOutcome {
        public NeedsBrowser {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** X was not available for this account (rate limited, an error, no answer in time): ask again at {@code at}. */
    record RetryLater(Instant at, String detail) implements RefreshOutcome {
        public RetryLater {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Anything else (our credentials refused, an invalid picture, the store down): waiting will not surely help. */
    record Failed(String detail) implements RefreshOutcome {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
