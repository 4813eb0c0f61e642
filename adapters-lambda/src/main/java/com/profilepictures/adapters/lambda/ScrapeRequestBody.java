package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.profilepictures.domain.page.StrictText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code POST /scrape}'s body, {@code {"handle": "<handle>"}}: at most 4 KiB once decoded,
 * strict JSON, an object, its {@code handle} a string; other fields are ignored.
 *
 * <p>A key repeated at the top level is rejected rather than resolved: parsers disagree on which of
 * {@code {"handle":"a","handle":"b"}} wins (first, last, error), so a proxy or WAF in front may have
 * checked a different handle than the one we would scrape. Values of ignored fields are checked only
 * for being well-formed JSON, since nothing reads them.
 */
final class ScrapeRequestBody {

    static final int MAX_BODY_BYTES = 4096;

    private static final String HANDLE = "handle";
    // Base64 of MAX_BODY_BYTES bytes; anything longer decodes to more, so it is refused undecoded.
    private static final int MAX_BASE64_LENGTH = 4 * ((MAX_BODY_BYTES + 2) / 3);

    private ScrapeRequestBody() {}

    /** The {@code handle} field's string, {@code null} when it is missing or {@code null}. */
    static String handleValue(APIGatewayProxyRequestEvent event) {
        Optional<JsonElement> handle = handleField(json(event));
        if (handle.isEmpty() || handle.get().isJsonNull()) {
            return null;
        }
        JsonElement value = handle.get();
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new ApiException(
                    ApiError.INVALID_HANDLE, "handle must be a JSON string, e.g. {\"handle\": \"jack\"}.");
        }
        return value.getAsString();
    }

    /** The body as text, its size checked before anything else is done with it. */
    private static String json(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new ApiException(ApiError.INVALID_JSON, "A JSON body is required, e.g. {\"handle\": \"jack\"}.");
        }
        byte[] bytes;
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            if (body.length() > MAX_BASE64_LENGTH) {
                throw tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                throw new ApiException(ApiError.INVALID_JSON, "The body is marked base64-encoded but is not base64.");
            }
        } else {
            // A UTF-8 encoding has at least as many bytes as the string has chars: no need to encode a huge one.
            if (body.length() > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return StrictText.decode(bytes, StandardCharsets.UTF_8)
                .orElseThrow(() -> new ApiException(ApiError.INVALID_JSON, "The body is not UTF-8 text."));
    }

    /** The value of the top-level {@code handle} key, once the whole body is known to be a JSON object. */
    private static Optional<JsonElement> handleField(String json) {
        JsonReader reader = new JsonReader(new StringReader(json));
        // RFC 8259 only: no comments, unquoted names, single quotes, NaN or trailing values.
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ApiException(ApiError.INVALID_JSON, ApiError.INVALID_JSON.defaultMessage());
            }
            JsonElement handle = null;
            Set<String> names = new HashSet<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!names.add(name)) {
                    throw new ApiException(
                            ApiError.INVALID_JSON, "The body has a key more than once; each key may appear only once.");
                }
                JsonElement value = JsonParser.parseReader(reader);
                if (HANDLE.equals(name)) {
                    handle = value;
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw notJson();
            }
            return Optional.ofNullable(handle);
        } catch (IOException | JsonParseException | IllegalStateException malformed) {
            throw notJson();
        }
    }

    private static ApiException notJson() {
        return new ApiException(
                ApiError.INVALID_JSON, "The body is not valid JSON; send a JSON object, e.g. {\"handle\": \"jack\"}.");
    }

    private static ApiException tooLarge() {
        return new ApiException(ApiError.PAYLOAD_TOO_LARGE, ApiError.PAYLOAD_TOO_LARGE.defaultMessage());
    }
}
