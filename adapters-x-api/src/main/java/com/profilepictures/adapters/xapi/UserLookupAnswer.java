package com.profilepictures.adapters.xapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.InvalidPictureUrlException;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a 200 of X's user lookup says about each account asked: its user under {@code data} (an object for one
 * account, an array for many), or an error about it under {@code errors}, or nothing. Users are matched to the
 * handles asked case-insensitively by {@code username}, errors by {@code value} (or {@code resource_id}) and told
 * apart by {@code title}; {@code detail} is read only to tell a suspension from another refusal, never to find
 * whom an error is about.
 */
final class UserLookupAnswer {

    private static final String NOT_FOUND = "Not Found Error";
    private static final String FORBIDDEN = "Forbidden";

    private UserLookupAnswer() {}

    /** One verdict per handle in {@code asked}, in that order. */
    static Map<Handle, ScrapeVerdict> verdictsFor(List<Handle> asked, byte[] body) {
        Map<String, Handle> byKey = new LinkedHashMap<>();
        asked.forEach(handle -> byKey.putIfAbsent(handle.key(), handle));
        Map<Handle, ScrapeVerdict> verdicts = new LinkedHashMap<>();
        Optional<JsonObject> root = objectIn(body);
        if (root.isEmpty()) {
            byKey.values()
                    .forEach(handle -> verdicts.put(
                            handle,
                            new Undecided(Cause.NO_PROFILE, "X's API answered with something that is not JSON")));
            return verdicts;
        }
        for (JsonObject user : objects(root.get().get("data"))) {
            text(user, "username").flatMap(UserLookupAnswer::handleIn).ifPresent(username -> {
                Handle handle = byKey.get(username.key());
                if (handle != null && !verdicts.containsKey(handle)) {
                    verdicts.put(handle, found(username, text(user, "profile_image_url")));
                }
            });
        }
        for (JsonObject error : objects(root.get().get("errors"))) {
            Optional<String> about = text(error, "value").or(() -> text(error, "resource_id"));
            Handle handle = about.map(value -> byKey.get(value.toLowerCase(Locale.ROOT)))
                    .orElse(null);
            if (handle != null && !verdicts.containsKey(handle)) {
                verdicts.put(handle, refusal(handle, error));
            }
        }
        for (Handle handle : byKey.values()) {
            verdicts.putIfAbsent(handle, new Undecided(Cause.NO_PROFILE, "X's API answered nothing about @" + handle));
        }
        // In the order asked, whatever order X answered in.
        Map<Handle, ScrapeVerdict> ordered = new LinkedHashMap<>();
        byKey.values().forEach(handle -> ordered.put(handle, verdicts.get(handle)));
        return ordered;
    }

    /** The user X found, its picture stored at 400x400 as the other sources store theirs (X gives {@code _normal}). */
    private static ScrapeVerdict found(Handle username, Optional<String> picture) {
        if (picture.isEmpty()) {
            return new Undecided(Cause.NO_PROFILE, "X's API gave @" + username + " without a profile_image_url");
        }
        try {
            return new ScrapeVerdict.Found(
                    username, PictureUrl.of(picture.get().trim()).withSize(PictureSize.SIZE_400X400));
        } catch (InvalidPictureUrlException e) {
            return new ScrapeVerdict.InvalidPictureUrl("X's API gave @" + username
                    + " a picture that is not an X profile picture: " + abbreviated(picture.get()));
        }
    }

    private static ScrapeVerdict refusal(Handle handle, JsonObject error) {
        String title = text(error, "title").orElse("");
        String detail = text(error, "detail").map(UserLookupAnswer::abbreviated).orElse(title);
        if (title.equals(NOT_FOUND)) {
            return new ScrapeVerdict.AccountNotFound("X's API: " + detail);
        }
        if (title.equals(FORBIDDEN) && detail.toLowerCase(Locale.ROOT).contains("suspended")) {
            return new ScrapeVerdict.AccountSuspended("X's API: " + detail);
        }
        return new Undecided(
                Cause.NO_PROFILE, "X's API answered '" + abbreviated(title) + "' about @" + handle + ": " + detail);
    }

    private static Optional<JsonObject> objectIn(byte[] body) {
        try {
            JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            return root.isJsonObject() ? Optional.of(root.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** {@code element} as a list of objects: one object, or the objects of an array; nothing else. */
    private static List<JsonObject> objects(JsonElement element) {
        if (element == null) {
            return List.of();
        }
        if (element.isJsonObject()) {
            return List.of(element.getAsJsonObject());
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            return array.asList().stream()
                    .filter(JsonElement::isJsonObject)
                    .map(JsonElement::getAsJsonObject)
                    .toList();
        }
        return List.of();
    }

    private static Optional<String> text(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString())
                : Optional.empty();
    }

    private static Optional<Handle> handleIn(String username) {
        try {
            return Optional.of(Handle.of(username.trim()));
        } catch (InvalidHandleException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
