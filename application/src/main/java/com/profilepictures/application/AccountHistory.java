package com.profilepictures.application;

import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.picture.ProfilePicture;
import java.util.Objects;

/** A page of an account's history, with the account's stored picture (for its canonical handle). */
public record AccountHistory(ProfilePicture current, Page<HistoryEntry, HistoryCursor> page) {

    public AccountHistory {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(page, "page");
    }
}
