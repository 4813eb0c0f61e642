package com.profilepictures.bootstrap.scrape.image;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.UUID;

/**
 * API Gateway's side of {@code POST /scrape}: the proxy event it sends the function for a request body,
 * and the proxy response it reads back.
 */
public final class ScrapeInvocations {

    private ScrapeInvocations() {}

    /** The REST API's proxy event for {@code POST /scrape} with {@code body} (null: no body). */
    public static String event(String body) {
        String requestId = UUID.randomUUID().toString();
        JsonObject headers = new JsonObject();
        headers.addProperty("Content-Type", "application/json");
        headers.addProperty("Host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        JsonObject identity = new JsonObject();
        identity.addProperty("sourceIp", "203.0.113.7");
        JsonObject context = new JsonObject();
        context.addProperty("requestId", requestId);
        context.addProperty("resourcePath", "/scrape");
        context.addProperty("httpMethod", "POST");
        context.addProperty("path", "/prod/scrape");
        context.addProperty("stage", "prod");
        context.addProperty("accountId", "123456789012");
        context.addProperty("apiId", "a1b2c3d4e5");
        context.addProperty("protocol", "HTTP/1.1");
        context.addProperty("requestTimeEpoch", System.currentTimeMillis());
        context.add("identity", identity);
        JsonObject event = new JsonObject();
        event.addProperty("resource", "/scrape");
        event.addProperty("path", "/scrape");
        event.addProperty("httpMethod", "POST");
        event.add("headers", headers);
        event.add("requestContext", context);
        event.addProperty("body", body);
        event.addProperty("isBase64Encoded", false);
        return event.toString();
    }

    /** The proxy event for a scrape of {@code handle}. */
    public static String scrapeOf(String handle) {
        JsonObject body = new JsonObject();
        body.addProperty("handle", handle);
        return event(body.toString());
    }

    /** A proxy response as the function returned it: status, headers and the body parsed as JSON. */
    public record ProxyResponse(int status, JsonObject headers, JsonObject body, String raw) {

        public static ProxyResponse parse(String serialised) {
            JsonObject response = JsonParser.parseString(serialised).getAsJsonObject();
            JsonObject headers =
                    response.has("headers") && response.get("headers").isJsonObject()
                            ? response.getAsJsonObject("headers")
                            : new JsonObject();
            String body = response.has("body") && !response.get("body").isJsonNull()
                    ? response.get("body").getAsString()
                    : "";
            JsonObject parsedBody = body.isEmpty()
                    ? new JsonObject()
                    : JsonParser.parseString(body).getAsJsonObject();
            return new ProxyResponse(response.get("statusCode").getAsInt(), headers, parsedBody, serialised);
        }

        /** The error object of an error response ({@code {"error": {...}}}). */
        public JsonObject error() {
            return body.getAsJsonObject("error");
        }
    }
}
