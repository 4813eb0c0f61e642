package com.profilepictures.application;

import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source's verdict on one account writes during a refresh, and how the account's refresh ends: a
 * changed picture is saved as {@code POST /scrape} saves it; the same picture (at any size) moves only the
 * account's {@code checkedAt}, in one write; an account gone or suspended records its state on a stored account
 * only; anything else writes nothing.
 */
final class RefreshVerdict {

    private final ProfilePictureRepository repository;
    private final FoundPicture pictures;
    private final Clock clock;
    private final Duration retryDelay;

    RefreshVerdict(ProfilePictureRepository repository, Clock clock, Duration retryDelay) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.pictures = new FoundPicture(repository);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    }

    RefreshOutcome settle(Handle handle, ScrapeVerdict verdict) {
        return switch (verdict) {
            case ScrapeVerdict.Found found -> found(handle, found);
            case ScrapeVerdict.AccountNotFound gone -> state(handle, AccountStatus.NOT_FOUND);
            case ScrapeVerdict.AccountSuspended suspended -> state(handle, AccountStatus.SUSPENDED);
            case Undecided undecided -> undecided(undecided);
            case ScrapeVerdict.Blocked blocked -> retry(blocked.detail());
            case ScrapeVerdict.UpstreamUnreachable unreachable -> retry(unreachable.detail());
            case ScrapeVerdict.TimedOut timedOut -> retry(timedOut.detail());
            case ScrapeVerdict.UpstreamMismatch mismatch -> new RefreshOutcome.NeedsBrowser(mismatch.detail());
            case ScrapeVerdict.InvalidPictureUrl invalid -> new RefreshOutcome.Failed(invalid.detail());
            case ScrapeVerdict.CredentialsRefused refused -> new RefreshOutcome.Failed(refused.detail());
        };
    }

    private RefreshOutcome found(Handle handle, ScrapeVerdict.Found found) {
        if (!found.canonicalHandle().sameAccountAs(handle)) {
            // Never store one account's picture under another's name; a browser may still tell.
            return new RefreshOutcome.NeedsBrowser(
                    "X answered for @" + found.canonicalHandle() + " when asked for @" + handle + ".");
        }
        // When the verdict was reached, so read after the scrape.
        return pictures.write(found, clock.instant(), RefreshOutcome.Unchanged::new, saved -> switch (saved) {
            case SaveOutcome.Saved stored -> new RefreshOutcome.Refreshed(stored.current());
            case SaveOutcome.KeptNewer newer -> new RefreshOutcome.Unchanged(newer.current());
        });
    }

    private RefreshOutcome state(Handle handle, AccountStatus status) {
        CheckOutcome check = repository.recordAccountStatus(handle, status, clock.instant());
        return switch (check) {
            case CheckOutcome.Recorded recorded ->
                new RefreshOutcome.AccountStateRecorded(status, Optional.of(recorded.current()));
            case CheckOutcome.KeptNewer newer -> new RefreshOutcome.Unchanged(newer.current());
            case CheckOutcome.PictureChanged changed -> new RefreshOutcome.Unchanged(changed.current());
            case CheckOutcome.NotStored never -> new RefreshOutcome.AccountStateRecorded(status, Optional.empty());
        };
    }

    private RefreshOutcome undecided(Undecided undecided) {
        // A switch expression over an enum: the compiler rejects a cause left unmapped.
        return switch (undecided.cause()) {
            case RATE_LIMITED ->
                new RefreshOutcome.RetryLater(undecided.retryAt().orElseThrow(), undecided.detail());
            case TIMED_OUT, UNREACHABLE -> retry(undecided.detail());
            case NO_PROFILE, OTHER_ACCOUNT -> new RefreshOutcome.NeedsBrowser(undecided.detail());
            case CREDENTIALS_REFUSED -> new RefreshOutcome.Failed(undecided.detail());
        };
    }

    private RefreshOutcome retry(String detail) {
        return new RefreshOutcome.RetryLater(clock.instant().plus(retryDelay), detail);
    }
}
