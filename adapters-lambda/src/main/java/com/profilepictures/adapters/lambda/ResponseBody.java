package com.profilepictures.adapters.lambda;

import com.google.gson.stream.JsonWriter;
import com.profilepictures.application.AccountHistory;
import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON bodies of docs/API.md: each one record of what it is written from (built by one handler, from
 * values that are never null), and its writer, in the contract's field order. The old service's spellings are kept on purpose: {@code profileUrl} in the scrape
 * answer, {@code profile_url} elsewhere. Each is written field by field through Gson's streaming writer,
 * never through Gson's reflection, whose first use costs a cold start about 10 ms (bench/README.md).
 */
sealed interface ResponseBody {

    /** The size the old service served, and what {@code profileUrl} / {@code profile_url} point at. */
    PictureSize PROFILE_URL_SIZE = PictureSize.SIZE_400X400;

    // Always three fraction digits, so that clients can compare scrapedAt as strings; the domain keeps
    // milliseconds exactly, so nothing is rounded here.
    DateTimeFormatter SCRAPED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    void write(JsonWriter out) throws IOException;

    /**
     * {@code POST /scrape}: {@code {"handle","profileUrl","scrapedAt","checkedAt","accountStatus","source","sizes":{…},"image","archived"}}.
     * {@code source} is the way of reading X that decided this request's scrape; {@code image} this service's
     * image route for the handle; {@code archived} whether the current picture's bytes are archived yet.
     */
    record ScrapedPicture(ProfilePicture picture, ScrapeSource source, ImageLinks links) implements ResponseBody {
        @Override
        public void write(JsonWriter out) throws IOException {
            out.beginObject();
            out.name("handle").value(picture.handle().display());
            out.name("profileUrl").value(profileUrl(picture));
            out.name("scrapedAt").value(scrapedAt(picture.scrapedAt()));
            writeCheck(out, picture);
            out.name("source").value(source.wireName());
            writeSizes(out, picture.url());
            out.name("image").value(links.image(picture.handle()));
            out.name("archived").value(picture.archived());
            out.endObject();
        }
    }

    /** {@code GET /user/{handle}/profile_pic}: {@code {"profile_url","handle","scrapedAt","checkedAt","accountStatus","sizes":{…},"image","archived"}}. */
    record StoredPicture(ProfilePicture picture, ImageLinks links) implements ResponseBody {
        @Override
        public void write(JsonWriter out) throws IOException {
            out.beginObject();
            out.name("profile_url").value(profileUrl(picture));
            out.name("handle").value(picture.handle().display());
            out.name("scrapedAt").value(scrapedAt(picture.scrapedAt()));
            writeCheck(out, picture);
            writeSizes(out, picture.url());
            out.name("image").value(links.image(picture.handle()));
            out.name("archived").value(picture.archived());
            out.endObject();
        }
    }

    /**
     * {@code GET /users}: {@code {"users":[{"handle","profile_url","scrapedAt","checkedAt","accountStatus","image","archived"},…],"lastKey"}};
     * {@code lastKey} is empty on the last page.
     */
    record UserList(Page<ProfilePicture, PageCursor> page, ImageLinks links) implements ResponseBody {
        @Override
        public void write(JsonWriter out) throws IOException {
            out.beginObject();
            out.name("users").beginArray();
            for (ProfilePicture user : page.items()) {
                out.beginObject();
                out.name("handle").value(user.handle().display());
                out.name("profile_url").value(profileUrl(user));
                out.name("scrapedAt").value(scrapedAt(user.scrapedAt()));
                writeCheck(out, user);
                out.name("image").value(links.image(user.handle()));
                out.name("archived").value(user.archived());
                out.endObject();
            }
            out.endArray();
            out.name("lastKey").value(page.next().map(PageCursor::encode).orElse(""));
            out.endObject();
        }
    }

    /**
     * {@code GET /user/{handle}/history}:
     * {@code {"handle","pictures":[{"profile_url","firstSeenAt","lastSeenAt","image"},…],"lastKey"}}, under the
     * account's stored spelling of its handle. {@code image} is that very copy's link, {@code null} (written, not
     * left out) while the picture has none; {@code lastKey} is empty on the last page.
     */
    record PictureHistory(AccountHistory history, ImageLinks links) implements ResponseBody {
        @Override
        public void write(JsonWriter out) throws IOException {
            var handle = history.current().handle();
            out.beginObject();
            out.name("handle").value(handle.display());
            out.name("pictures").beginArray();
            for (HistoryEntry entry : history.page().items()) {
                out.beginObject();
                out.name("profile_url").value(entry.picture().value());
                out.name("firstSeenAt").value(scrapedAt(entry.firstSeenAt()));
                out.name("lastSeenAt").value(scrapedAt(entry.lastSeenAt()));
                out.name("image")
                        .value(entry.image()
                                .map(version -> links.image(handle, version))
                                .orElse(null));
                out.endObject();
            }
            out.endArray();
            out.name("lastKey")
                    .value(history.page().next().map(HistoryCursor::encode).orElse(""));
            out.endObject();
        }
    }

    /** Every error, from every route: {@code {"error":{"code","message","requestId"}}}. */
    record ErrorBody(String code, String message, String requestId) implements ResponseBody {
        @Override
        public void write(JsonWriter out) throws IOException {
            out.beginObject();
            out.name("error").beginObject();
            out.name("code").value(code);
            out.name("message").value(message);
            out.name("requestId").value(requestId);
            out.endObject();
            out.endObject();
        }
    }

    static String scrapedAt(Instant instant) {
        return SCRAPED_AT.format(instant);
    }

    /**
     * When a source last reached a verdict on the account, and what it said of it: {@code scrapedAt} is when the
     * stored picture was first seen (docs/refresh.md).
     */
    private static void writeCheck(JsonWriter out, ProfilePicture picture) throws IOException {
        out.name("checkedAt").value(scrapedAt(picture.checkedAt()));
        out.name("accountStatus").value(picture.accountStatus().wireName());
    }

    private static String profileUrl(ProfilePicture picture) {
        return picture.url().withSize(PROFILE_URL_SIZE).value();
    }

    private static void writeSizes(JsonWriter out, PictureUrl picture) throws IOException {
        out.name("sizes").beginObject();
        for (var size : picture.sizes().entrySet()) {
            out.name(size.getKey().label()).value(size.getValue().value());
        }
        out.endObject();
    }
}
