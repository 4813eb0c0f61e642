package com.profilepictures.domain.scrape;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one way of reading X says about an account: its owner's picture, a failure that settles the
 * scrape, or {@link Undecided} when this way of reading cannot tell and another may.
 */
public sealed interface ScrapeVerdict {

    /** The profile's owner's picture, with the handle spelt as the profile page spells it. */
    record Found(Handle canonicalHandle, PictureUrl picture) implements ScrapeVerdict {
        public Found {
            Objects.requireNonNull(canonicalHandle, "canonicalHandle");
            Objects.requireNonNull(picture, "picture");
        }
    }

    /**
     * The page said nothing conclusive about the account (no profile on it, an HTTP error, no answer in
     * time). Never a picture and never a failure by itself: whoever asked decides whether another source
     * is tried or which failure this becomes. {@code retryAt} is when the source may usefully be asked
     * again: always there for {@link Cause#RATE_LIMITED}, and for a source that paused itself for another
     * cause ({@link Cause#CREDENTIALS_REFUSED}).
     */
    record Undecided(Cause cause, String detail, Optional<Instant> retryAt) implements ScrapeVerdict {
        public Undecided {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(retryAt, "retryAt");
            if (cause == Cause.RATE_LIMITED && retryAt.isEmpty()) {
                throw new IllegalArgumentException("A rate limit says when to retry: " + detail);
            }
        }

        /** Undecided for {@code cause}, with nothing to say about when to retry. */
        public Undecided(Cause cause, String detail) {
            this(cause, detail, Optional.empty());
        }

        /** The source is rate limited until {@code retryAt}: asking it again before then is wasted. */
        public static Undecided rateLimited(String detail, Instant retryAt) {
            return new Undecided(Cause.RATE_LIMITED, detail, Optional.of(retryAt));
        }

        /** Why nothing could be told, in the terms a failure would need. */
        public enum Cause {
            /** No answer before the source's deadline. */
            TIMED_OUT,
            /** The page could not be loaded at all (DNS, connection refused or reset). */
            UNREACHABLE,
            /** The page vouched for another account than the one asked for. */
            OTHER_ACCOUNT,
            /** An HTTP error, a page without a profile, or one that could not be read. */
            NO_PROFILE,
            /** The source said it answers no more until {@link Undecided#retryAt()} (X's API's HTTP 429). */
            RATE_LIMITED,
            /**
             * The source refused this service's own credentials (a bad, revoked or unentitled token): our
             * configuration is at fault, not the account and not X's availability.
             */
            CREDENTIALS_REFUSED
        }
    }

    /** Every verdict that yields no picture and settles the scrape; nothing is stored for any of them. */
    sealed interface Failure extends ScrapeVerdict {
        /** What happened, for logs and for a person; never shown as a stack trace. */
        String detail();
    }

    /** X says the account does not exist. */
    record AccountNotFound(String detail) implements Failure {}

    /** X says the account is suspended; it may come back. */
    record AccountSuspended(String detail) implements Failure {}

    /** X showed a login wall, a rate-limit page or an error page instead of the profile. */
    record Blocked(String detail) implements Failure {}

    /** X's page could not be loaded at all (DNS, connection refused). */
    record UpstreamUnreachable(String detail) implements Failure {}

    /** X answered with another account's profile than the one asked for. */
    record UpstreamMismatch(String detail) implements Failure {}

    /** The picture found is not an X profile-picture URL. */
    record InvalidPictureUrl(String detail) implements Failure {}

    /**
     * The only source left refused this service's credentials (X's API rejected the operator's token): a
     * fault of our configuration that only the operator can fix, never a verdict about X or the account.
     */
    record CredentialsRefused(String detail) implements Failure {}

    /** No verdict was reached before the scrape's deadline. */
    record TimedOut(String detail) implements Failure {}
}
