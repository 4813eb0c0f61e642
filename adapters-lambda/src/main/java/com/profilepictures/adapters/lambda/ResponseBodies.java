package com.profilepictures.adapters.lambda;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.profilepictures.application.AccountHistory;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.HistoryCursor;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PictureSize;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ScrapeSource;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of docs/API.md, one record each, in the contract's field order. The old service's
 * spellings are kept on purpose: {@code profileUrl} in the scrape answer, {@code profile_url} elsewhere.
 */
final class ResponseBodies {

    // Always three fraction digits, so that clients can compare scrapedAt as strings; the domain
    // keeps milliseconds exactly, so nothing is rounded here.
    private static final DateTimeFormatter SCRAPED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The size the old service served, and what {@code profileUrl} / {@code profile_url} point at. */
    static final PictureSize PROFILE_URL_SIZE = PictureSize.SIZE_400X400;

    private ResponseBodies() {}

    /**
     * {@code POST /scrape}. Written by {@link ScrapedPictureWriter}. {@code image} is this service's image route
     * for the handle, {@code archived} whether the current picture's bytes are archived yet.
     */
    record ScrapedPicture(
            String handle,
            String profileUrl,
            String scrapedAt,
            String source,
            Map<String, String> sizes,
            String image,
            boolean archived) {}

    /** {@code GET /user/{handle}/profile_pic}. Written by {@link StoredPictureWriter}. */
    record StoredPicture(
            String profileUrl,
            String handle,
            String scrapedAt,
            Map<String, String> sizes,
            String image,
            boolean archived) {}

    /** {@code GET /users}: {@code lastKey} is empty on the last page. Written by {@link UserListWriter}. */
    record UserList(List<User> users, String lastKey) {}

    record User(String handle, String profileUrl, String scrapedAt, String image, boolean archived) {}

    /** {@code {"users":[{"handle":…,"profile_url":…,"scrapedAt":…,"image":…,"archived":…},…],"lastKey":…}} */
    static final class UserListWriter extends WriteOnlyAdapter<UserList> {

        @Override
        public void write(JsonWriter out, UserList list) throws IOException {
            out.beginObject();
            out.name("users").beginArray();
            for (User user : list.users()) {
                out.beginObject();
                out.name("handle").value(user.handle());
                out.name("profile_url").value(user.profileUrl());
                out.name("scrapedAt").value(user.scrapedAt());
                out.name("image").value(user.image());
                out.name("archived").value(user.archived());
                out.endObject();
            }
            out.endArray();
            out.name("lastKey").value(list.lastKey());
            out.endObject();
        }
    }

    /** {@code {"handle":…,"profileUrl":…,"scrapedAt":…,"source":…,"sizes":{…},"image":…,"archived":…}} */
    static final class ScrapedPictureWriter extends WriteOnlyAdapter<ScrapedPicture> {
        @Override
        public void write(JsonWriter out, ScrapedPicture picture) throws IOException {
            out.beginObject();
            out.name("handle").value(picture.handle());
            out.name("profileUrl").value(picture.profileUrl());
            out.name("scrapedAt").value(picture.scrapedAt());
            out.name("source").value(picture.source());
            writeSizes(out, picture.sizes());
            out.name("image").value(picture.image());
            out.name("archived").value(picture.archived());
            out.endObject();
        }
    }

    /** {@code {"profile_url":…,"handle":…,"scrapedAt":…,"sizes":{…},"image":…,"archived":…}} */
    static final class StoredPictureWriter extends WriteOnlyAdapter<StoredPicture> {
        @Override
        public void write(JsonWriter out, StoredPicture picture) throws IOException {
            out.beginObject();
            out.name("profile_url").value(picture.profileUrl());
            out.name("handle").value(picture.handle());
            out.name("scrapedAt").value(picture.scrapedAt());
            writeSizes(out, picture.sizes());
            out.name("image").value(picture.image());
            out.name("archived").value(picture.archived());
            out.endObject();
        }
    }

    /** {@code {"error":{"code":…,"message":…,"requestId":…}}} */
    static final class ErrorBodyWriter extends WriteOnlyAdapter<ErrorBody> {
        @Override
        public void write(JsonWriter out, ErrorBody body) throws IOException {
            out.beginObject();
            out.name("error").beginObject();
            out.name("code").value(body.error().code());
            out.name("message").value(body.error().message());
            out.name("requestId").value(body.error().requestId());
            out.endObject();
            out.endObject();
        }
    }

    /** The bodies are only ever written; reading one is a mistake. */
    abstract static class WriteOnlyAdapter<T> extends TypeAdapter<T> {
        @Override
        public final T read(JsonReader in) {
            throw new UnsupportedOperationException("A response body is only ever written");
        }
    }

    private static void writeSizes(JsonWriter out, Map<String, String> sizes) throws IOException {
        out.name("sizes").beginObject();
        for (Map.Entry<String, String> size : sizes.entrySet()) {
            out.name(size.getKey()).value(size.getValue());
        }
        out.endObject();
    }

    /** Every error, from every route. Written by {@link ErrorBodyWriter}. */
    record ErrorBody(Error error) {}

    record Error(String code, String message, String requestId) {}

    /** {@code source} is the way of reading X that decided this request's scrape. */
    static ScrapedPicture scraped(ProfilePicture picture, ScrapeSource source, ImageLinks links) {
        return new ScrapedPicture(
                picture.handle().display(),
                profileUrl(picture),
                scrapedAt(picture.scrapedAt()),
                source.wireName(),
                sizes(picture.picture()),
                links.image(picture.handle()),
                picture.archived());
    }

    static StoredPicture stored(ProfilePicture picture, ImageLinks links) {
        return new StoredPicture(
                profileUrl(picture),
                picture.handle().display(),
                scrapedAt(picture.scrapedAt()),
                sizes(picture.picture()),
                links.image(picture.handle()),
                picture.archived());
    }

    static UserList users(Page page, ImageLinks links) {
        List<User> users = page.pictures().stream()
                .map(picture -> new User(
                        picture.handle().display(),
                        profileUrl(picture),
                        scrapedAt(picture.scrapedAt()),
                        links.image(picture.handle()),
                        picture.archived()))
                .toList();
        return new UserList(users, page.next().map(PageCursor::encode).orElse(""));
    }

    static ErrorBody error(String code, String message, String requestId) {
        return new ErrorBody(new Error(code, message, requestId));
    }

    static String scrapedAt(Instant instant) {
        return SCRAPED_AT.format(instant);
    }

    private static String profileUrl(ProfilePicture picture) {
        return picture.picture().withSize(PROFILE_URL_SIZE).value();
    }

    private static Map<String, String> sizes(PictureUrl picture) {
        Map<String, String> sizes = new LinkedHashMap<>();
        picture.sizes().forEach((size, url) -> sizes.put(size.label(), url.value()));
        return sizes;
    }

    /** {@code GET /user/{handle}/history}: {@code lastKey} is empty on the last page. Written by {@link PictureHistoryWriter}. */
    record PictureHistory(String handle, List<HistoryPicture> pictures, String lastKey) {}

    /** {@code image} is null while the picture has no archived copy. */
    record HistoryPicture(String profileUrl, String firstSeenAt, String lastSeenAt, String image) {}

    static PictureHistory history(AccountHistory history, ImageLinks links) {
        Handle handle = history.current().handle();
        List<HistoryPicture> pictures = history.page().entries().stream()
                .map(entry -> new HistoryPicture(
                        entry.picture().value(),
                        scrapedAt(entry.firstSeenAt()),
                        scrapedAt(entry.lastSeenAt()),
                        entry.image()
                                .map(version -> links.image(handle, version))
                                .orElse(null)))
                .toList();
        return new PictureHistory(
                handle.display(),
                pictures,
                history.page().next().map(HistoryCursor::encode).orElse(""));
    }

    /**
     * {@code {"handle":…,"pictures":[{"profile_url":…,"firstSeenAt":…,"lastSeenAt":…,"image":…|null},…],"lastKey":…}},
     * by hand for the reason {@link UserListWriter} gives.
     */
    static final class PictureHistoryWriter extends WriteOnlyAdapter<PictureHistory> {
        @Override
        public void write(JsonWriter out, PictureHistory history) throws IOException {
            out.beginObject();
            out.name("handle").value(history.handle());
            out.name("pictures").beginArray();
            for (HistoryPicture picture : history.pictures()) {
                out.beginObject();
                out.name("profile_url").value(picture.profileUrl());
                out.name("firstSeenAt").value(picture.firstSeenAt());
                out.name("lastSeenAt").value(picture.lastSeenAt());
                // The contract shows a picture without a copy as "image": null, not as a missing field.
                boolean serializeNulls = out.getSerializeNulls();
                out.setSerializeNulls(true);
                out.name("image").value(picture.image());
                out.setSerializeNulls(serializeNulls);
                out.endObject();
            }
            out.endArray();
            out.name("lastKey").value(history.lastKey());
            out.endObject();
        }
    }
}
