package com.profilepictures.domain.picture;

import java.util.Objects;

/**
 * The mark an account's stored item carries once a picture of it is archived: which picture (at
 * {@link PictureSize#ARCHIVED}, whatever size was scraped) and which copy. It names its picture, so a
 * re-scrape of another picture leaves the mark in place but no longer current, and the account reads as
 * archived again only once the new picture's copy is marked.
 */
public record ArchiveMark(PictureUrl picture, ImageVersion version) {

    public ArchiveMark {
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(version, "version");
        picture = picture.withSize(PictureSize.ARCHIVED);
    }

    /** True when this mark is for {@code other}, at whatever size either was given. */
    public boolean isFor(PictureUrl other) {
        return picture.equals(other.withSize(PictureSize.ARCHIVED));
    }
}
