package com.profilepictures.adapters.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One item of the pictures table exactly as stored, before the domain has checked it. Its attribute
 * names are the table's public shape: the SAM template declares {@code handle_key} as the hash key.
 */
record PictureItem(
        String handleKey,
        String handle,
        String profileUrl,
        Long scrapedAt,
        Long checkedAt,
        String accountStatus,
        Long queuedUntil,
        String archivedUrl,
        String imageVersion) {

    static final String HANDLE_KEY = "handle_key";
    static final String HANDLE = "handle";
    static final String PROFILE_URL = "profile_url";
    // A Number (epoch milliseconds), so that the newer-wins condition can compare it on the server.
    static final String SCRAPED_AT = "scraped_at";
    // When a source last reached a verdict on the account (epoch milliseconds, a Number for the same reason), and
    // what it said of it (AccountStatus's wire name). Items written before the refresh have neither: they read as
    // checked when scraped, and active.
    static final String CHECKED_AT = "checked_at";
    static final String ACCOUNT_STATUS = "account_status";
    // Until when the planner has queued the account for a refresh (epoch milliseconds); only the planner reads it.
    static final String QUEUED_UNTIL = "queued_until";
    // The archive mark, written by archiving only: the picture it archived (at the archived size) and its copy.
    static final String ARCHIVED_URL = "archived_url";
    static final String IMAGE_VERSION = "image_version";
    // The archive's verdict that the picture it names (at the archived size) can never be kept: written by archiving
    // only, read only by the sweep's filter (DueScan), so not part of the record.
    static final String NOT_ARCHIVABLE_URL = "not_archivable_url";

    // Written out by hand: a bean or reflection schema would cost cold-start time for nine attributes.
    static final TableSchema<PictureItem> SCHEMA = StaticImmutableTableSchema.builder(PictureItem.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(
                    String.class,
                    attribute -> attribute
                            .name(HANDLE_KEY)
                            .getter(PictureItem::handleKey)
                            .setter(Builder::handleKey)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    attribute ->
                            attribute.name(HANDLE).getter(PictureItem::handle).setter(Builder::handle))
            .addAttribute(
                    String.class,
                    attribute -> attribute
                            .name(PROFILE_URL)
                            .getter(PictureItem::profileUrl)
                            .setter(Builder::profileUrl))
            .addAttribute(
                    Long.class,
                    attribute -> attribute
                            .name(SCRAPED_AT)
                            .getter(PictureItem::scrapedAt)
                            .setter(Builder::scrapedAt))
            .addAttribute(
                    Long.class,
                    attribute -> attribute
                            .name(CHECKED_AT)
                            .getter(PictureItem::checkedAt)
                            .setter(Builder::checkedAt))
            .addAttribute(
                    String.class,
                    attribute -> attribute
                            .name(ACCOUNT_STATUS)
                            .getter(PictureItem::accountStatus)
                            .setter(Builder::accountStatus))
            .addAttribute(
                    Long.class,
                    attribute -> attribute
                            .name(QUEUED_UNTIL)
                            .getter(PictureItem::queuedUntil)
                            .setter(Builder::queuedUntil))
            .addAttribute(
                    String.class,
                    attribute -> attribute
                            .name(ARCHIVED_URL)
                            .getter(PictureItem::archivedUrl)
                            .setter(Builder::archivedUrl))
            .addAttribute(
                    String.class,
                    attribute -> attribute
                            .name(IMAGE_VERSION)
                            .getter(PictureItem::imageVersion)
                            .setter(Builder::imageVersion))
            .build();

    /** The mutable half the immutable schema needs to assemble a record from attributes. */
    static final class Builder {
        private String handleKey;
        private String handle;
        private String profileUrl;
        private Long scrapedAt;
        private Long checkedAt;
        private String accountStatus;
        private Long queuedUntil;
        private String archivedUrl;
        private String imageVersion;

        void handleKey(String handleKey) {
            this.handleKey = handleKey;
        }

        void handle(String handle) {
            this.handle = handle;
        }

        void profileUrl(String profileUrl) {
            this.profileUrl = profileUrl;
        }

        void scrapedAt(Long scrapedAt) {
            this.scrapedAt = scrapedAt;
        }

        void checkedAt(Long checkedAt) {
            this.checkedAt = checkedAt;
        }

        void accountStatus(String accountStatus) {
            this.accountStatus = accountStatus;
        }

        void queuedUntil(Long queuedUntil) {
            this.queuedUntil = queuedUntil;
        }

        void archivedUrl(String archivedUrl) {
            this.archivedUrl = archivedUrl;
        }

        void imageVersion(String imageVersion) {
            this.imageVersion = imageVersion;
        }

        PictureItem build() {
            return new PictureItem(
                    handleKey,
                    handle,
                    profileUrl,
                    scrapedAt,
                    checkedAt,
                    accountStatus,
                    queuedUntil,
                    archivedUrl,
                    imageVersion);
        }
    }
}
