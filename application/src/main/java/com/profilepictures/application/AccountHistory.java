package com.profilepictures.application;

import com.profilepictures.domain.HistoryCursor;
import com.profilepictures.domain.HistoryEntry;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.ProfilePicture;
import java.util.Objects;

/** A page of an account's history, with the account's stored picture (for its canonical handle). */
public record AccountHistory(ProfilePicture current, Page<HistoryEntry, HistoryCursor> page) {

    public AccountHistory {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(page, "page");
    }
}
