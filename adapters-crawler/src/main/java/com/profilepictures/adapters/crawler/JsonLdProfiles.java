package com.profilepictures.adapters.crawler;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.profilepictures.domain.scrape.PageHead.ProfileBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ProfilePage} blocks in a page's JSON-LD: what each names as the account (its
 * {@code mainEntity.additionalName}) and its picture ({@code mainEntity.image.contentUrl}). Blocks of other
 * types ({@code WebSite}) are skipped, and so is anything that is not JSON; a block may be an object, an
 * array of them, or an object holding them in {@code @graph}.
 */
final class JsonLdProfiles {

    // Deep enough for every shape X uses; bounded, so that a hostile page cannot make us recurse far.
    private static final int MAX_DEPTH = 4;

    private JsonLdProfiles() {}

    /** The profile blocks of one {@code <script type="application/ld+json">}'s text, in document order. */
    static List<ProfileBlock> in(String scriptText) {
        JsonElement root;
        try {
            root = JsonParser.parseString(scriptText);
        } catch (JsonParseException e) {
            return List.of(); // junk, or a block cut short: it vouches for nothing
        }
        List<ProfileBlock> blocks = new ArrayList<>();
        collect(root, 0, blocks);
        return blocks;
    }

    private static void collect(JsonElement element, int depth, List<ProfileBlock> blocks) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (element.isJsonArray()) {
            for (JsonElement item : element.getAsJsonArray()) {
                collect(item, depth + 1, blocks);
            }
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (hasType(object, "ProfilePage")) {
                blocks.add(profileBlock(object));
            }
            JsonElement graph = object.get("@graph");
            if (graph != null) {
                collect(graph, depth + 1, blocks);
            }
        }
    }

    private static ProfileBlock profileBlock(JsonObject page) {
        Optional<JsonObject> person = firstObject(page.get("mainEntity"));
        Optional<String> name = person.flatMap(entity -> string(entity.get("additionalName")));
        Optional<String> picture = person.flatMap(entity -> {
            JsonElement image = entity.get("image");
            // An ImageObject as X writes it, or a bare URL as schema.org also allows.
            return string(image).or(() -> firstObject(image).flatMap(object -> string(object.get("contentUrl"))));
        });
        return new ProfileBlock(name, picture);
    }

    private static boolean hasType(JsonObject object, String type) {
        JsonElement types = object.get("@type");
        if (types == null) {
            return false;
        }
        if (types.isJsonArray()) {
            for (JsonElement each : types.getAsJsonArray()) {
                if (string(each).filter(type::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }
        return string(types).filter(type::equals).isPresent();
    }

    private static Optional<JsonObject> firstObject(JsonElement element) {
        if (element == null) {
            return Optional.empty();
        }
        if (element.isJsonObject()) {
            return Optional.of(element.getAsJsonObject());
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (JsonElement item : array) {
                if (item.isJsonObject()) {
                    return Optional.of(item.getAsJsonObject());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonElement element) {
        return element != null
                        && element.isJsonPrimitive()
                        && element.getAsJsonPrimitive().isString()
                ? Optional.of(element.getAsString())
                : Optional.empty();
    }
}
