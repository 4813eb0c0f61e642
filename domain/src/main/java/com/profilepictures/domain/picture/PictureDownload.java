package com.profilepictures.domain.picture;

import java.util.Objects;

/** What X's image host answered for a picture: a body with its declared type, or a refusal that trying again will not change. */
public sealed interface PictureDownload {

    /**
     * The host answered with a body of at most {@link Image#MAX_BYTES}. Whether it is an image is not
     * yet known: {@link Image#of} decides.
     */
    record Downloaded(String contentType, byte[] body) implements PictureDownload {
        public Downloaded {
            Objects.requireNonNull(body, "body");
            if (body.length > Image.MAX_BYTES) {
                throw new IllegalArgumentException(
                        "A download holds at most " + Image.MAX_BYTES + " bytes: " + body.length);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** The host answered, but not with something to keep: 404, a redirect elsewhere, a body over the limit. */
    record Refused(String detail) implements PictureDownload {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
