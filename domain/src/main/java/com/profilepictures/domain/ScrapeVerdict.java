package com.profilepictures.domain;

import java.util.Objects;

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
     * is tried or which failure this becomes.
     */
    record Undecided(Cause cause, String detail) implements ScrapeVerdict {
        public Undecided {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        /** Why nothing could be told, in the terms a failure would need. */
        public enum Cause {
            /** No answer before the source's deadline. */
            TIMED_OUT,
            /** The page could not be loaded at all (DNS, connection refused or reset). */
            UNREACHABLE,
            /** The page vouched for another account than the one asked for. */
            OTHER_ACCOUNT,
            /** An HTTP error, a rate limit, a page without a profile, or one that could not be read. */
            NO_PROFILE
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

    /** No verdict was reached before the scrape's deadline. */
    record TimedOut(String detail) implements Failure {}
}
