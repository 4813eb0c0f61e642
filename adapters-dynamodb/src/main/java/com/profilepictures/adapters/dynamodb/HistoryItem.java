package com.profilepictures.adapters.dynamodb;

/**
 * The names of the history table's attributes and indexes, as {@link DynamoDbPictureHistory} reads and writes
 * them and as the SAM template declares the table.
 *
 * <p>One item per picture per account: hash key {@code handle_key}, range key {@code profile_url}, so that
 * recording a picture twice finds its one entry by key. Two local secondary indexes read an account's
 * entries in one query each: {@value #BY_FIRST_SEEN} (range {@code first_seen_at}, newest first when read
 * backwards) and {@value #BY_IMAGE_VERSION} (range {@code image_version}, sparse: entries with a copy).
 * Local, not global, indexes: they can be read consistently, so a page read right after a write shows it.
 */
public final class HistoryItem {

    static final String HANDLE_KEY = "handle_key";
    static final String PROFILE_URL = "profile_url";
    // Numbers (epoch milliseconds), so that the index orders entries by time and conditions compare them.
    static final String FIRST_SEEN_AT = "first_seen_at";
    static final String LAST_SEEN_AT = "last_seen_at";
    static final String IMAGE_VERSION = "image_version";

    public static final String BY_FIRST_SEEN = "by_first_seen";
    public static final String BY_IMAGE_VERSION = "by_image_version";

    private HistoryItem() {}
}
