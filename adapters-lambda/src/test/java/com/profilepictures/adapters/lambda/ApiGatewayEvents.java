package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Realistic API Gateway REST proxy events from src/test/resources/events, varied per test. */
final class ApiGatewayEvents {

    static final String SCRAPE_REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    static final String GET_REQUEST_ID = "4d6f1c2e-9a7b-4e55-8f0a-2b3c4d5e6f70";
    static final String LIST_REQUEST_ID = "9b1e7f3a-5c2d-4a8e-b6f0-1d2c3e4f5a6b";

    private ApiGatewayEvents() {}

    static APIGatewayProxyRequestEvent load(String name) {
        return EventLoader.loadApiGatewayRestEvent("events/" + name);
    }

    static APIGatewayProxyRequestEvent scrape(String body) {
        return load("scrape.json").withBody(body);
    }

    static APIGatewayProxyRequestEvent scrapeBase64(byte[] body) {
        return load("scrape-base64.json").withBody(Base64.getEncoder().encodeToString(body));
    }

    static APIGatewayProxyRequestEvent scrapeOf(String handle) {
        return scrape("{\"handle\": \"" + handle + "\"}");
    }

    static APIGatewayProxyRequestEvent getProfilePic(String handle) {
        Map<String, String> pathParameters = new HashMap<>();
        pathParameters.put("handle", handle);
        return load("get-profile-pic.json")
                .withPath("/user/" + handle + "/profile_pic")
                .withPathParameters(pathParameters);
    }

    /** {@code GET /users} with exactly these query parameters; a null value leaves the parameter out. */
    static APIGatewayProxyRequestEvent listUsers(String lastKey, String limit) {
        APIGatewayProxyRequestEvent event = load("list-users-no-query.json");
        Map<String, String> single = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        if (lastKey != null) {
            single.put("lastKey", lastKey);
            multi.put("lastKey", List.of(lastKey));
        }
        if (limit != null) {
            single.put("limit", limit);
            multi.put("limit", List.of(limit));
        }
        if (!single.isEmpty()) {
            event.withQueryStringParameters(single).withMultiValueQueryStringParameters(multi);
        }
        return event;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
