package com.profilepictures.domain.picture;

import java.util.Optional;

/** The sizes X serves every profile picture in, with the suffix its file name carries for each. */
public enum PictureSize {
    MINI("mini", "_mini"),
    NORMAL("normal", "_normal"),
    BIGGER("bigger", "_bigger"),
    SIZE_200X200("200x200", "_200x200"),
    SIZE_400X400("400x400", "_400x400"),
    ORIGINAL("original", "");

    /** The size the archive keeps of every picture, and names it by in the history: what the old service served. */
    public static final PictureSize ARCHIVED = SIZE_400X400;

    private final String label;
    private final String suffix;

    PictureSize(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    /** The name clients see, e.g. {@code "400x400"} or {@code "original"}. */
    public String label() {
        return label;
    }

    /** What X appends to the file name, e.g. {@code "_400x400"}; empty for the original. */
    public String suffix() {
        return suffix;
    }

    static Optional<PictureSize> fromSuffix(String suffix) {
        for (PictureSize size : values()) {
            if (size.suffix.equals(suffix)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
