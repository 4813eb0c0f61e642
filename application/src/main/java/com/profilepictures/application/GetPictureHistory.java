package com.profilepictures.application;

import com.profilepictures.domain.Handle;
import com.profilepictures.domain.HistoryCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.PictureHistory;
import com.profilepictures.domain.ProfilePictureRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through every picture an account has shown, newest first; empty for an account never stored. An
 * account stored before the archive existed has an empty history until its next scrape.
 */
public final class GetPictureHistory {

    private final ProfilePictureRepository repository;
    private final PictureHistory history;

    public GetPictureHistory(ProfilePictureRepository repository, PictureHistory history) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.history = Objects.requireNonNull(history, "history");
    }

    public Optional<AccountHistory> get(Handle handle, PageRequest<HistoryCursor> request) {
        return repository.find(handle).map(current -> new AccountHistory(current, history.list(handle, request)));
    }
}
