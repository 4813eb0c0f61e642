package com.profilepictures.application;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through every picture an account has shown, newest first; empty for an account never stored. An
 * account stored before the archive existed has an empty history until its next scrape. The current
 * picture's entry reads as last seen at the account's last check when that is later: a refresh that finds
 * the same picture moves only the account's {@code checkedAt}, never the history, so the history stays
 * truthful without a write per check.
 */
public final class GetPictureHistory {

    private final ProfilePictureRepository repository;
    private final PictureHistory history;

    public GetPictureHistory(ProfilePictureRepository repository, PictureHistory history) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.history = Objects.requireNonNull(history, "history");
    }

    public Optional<AccountHistory> get(Handle handle, PageRequest<HistoryCursor> request) {
        return repository
                .find(handle)
                .map(current -> new AccountHistory(current, seenAtLastCheck(current, history.list(handle, request))));
    }

    private static Page<HistoryEntry, HistoryCursor> seenAtLastCheck(
            ProfilePicture current, Page<HistoryEntry, HistoryCursor> page) {
        // A check that found the account gone did not see its picture: only an active account's check counts.
        if (current.accountStatus() != AccountStatus.ACTIVE) {
            return page;
        }
        return new Page<>(
                page.items().stream()
                        .map(entry -> seenAtLastCheck(current, entry))
                        .toList(),
                page.next());
    }

    private static HistoryEntry seenAtLastCheck(ProfilePicture current, HistoryEntry entry) {
        if (!current.showsTheSamePictureAs(current.handle(), entry.picture())
                || !current.checkedAt().isAfter(entry.lastSeenAt())) {
            return entry;
        }
        return new HistoryEntry(entry.picture(), entry.firstSeenAt(), current.checkedAt(), entry.image());
    }
}
