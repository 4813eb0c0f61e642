package com.profilepictures.domain;

import java.util.Objects;

/** The verdict of one scrape: the owner's picture, or exactly why there is none. */
public sealed interface ScrapeOutcome {

    /** The profile's owner's picture, with the handle spelt as the profile page spells it. */
    record Found(Handle canonicalHandle, PictureUrl picture) implements ScrapeOutcome {
        public Found {
            Objects.requireNonNull(canonicalHandle, "canonicalHandle");
            Objects.requireNonNull(picture, "picture");
        }
    }

    /** Every verdict that yields no picture; nothing is stored for any of them. */
    sealed interface Failure extends ScrapeOutcome {
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

    /** The picture found is not an X profile-picture URL. */
    record InvalidPictureUrl(String detail) implements Failure {}

    /** No verdict was reached before the scrape's deadline. */
    record TimedOut(String detail) implements Failure {}
}
