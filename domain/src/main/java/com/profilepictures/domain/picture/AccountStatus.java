package com.profilepictures.domain.picture;

import java.util.Locale;
import java.util.Optional;

/**
 * What the last source to reach a verdict on an account said of the account itself. A picture stays
 * stored whatever the status: an account that disappears keeps its picture, archive and history.
 */
public enum AccountStatus {
    /** A source found the account and its picture. */
    ACTIVE,
    /** X said the account does not exist (the error code {@code account_not_found}). */
    NOT_FOUND,
    /** X said the account is suspended (the error code {@code account_suspended}); it may come back. */
    SUSPENDED;

    /** The name stored and shown in responses ({@code accountStatus}), e.g. {@code not_found}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code wireName}, if it is one. */
    public static Optional<AccountStatus> fromWireName(String wireName) {
        for (AccountStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
