package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Realistic API Gateway events of the archive's routes (events/get-archived-image.json, get-picture-history.json), varied per test. */
final class ArchiveRouteEvents {

    static final String IMAGE_REQUEST_ID = "7e3a5c1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    static final String HISTORY_REQUEST_ID = "3c9d1e5f-7a2b-4c6d-9e8f-1a2b3c4d5e6f";

    private ArchiveRouteEvents() {}

    /** {@code GET /user/{handle}/profile_pic/image} with these query parameters, each value one occurrence. */
    static APIGatewayProxyRequestEvent image(String handle, String... query) {
        return withQuery(
                withHandle(ApiGatewayEvents.load("get-archived-image.json"), handle, "/profile_pic/image"), query);
    }

    /** {@code GET /user/{handle}/history} with these query parameters, each value one occurrence. */
    static APIGatewayProxyRequestEvent history(String handle, String... query) {
        return withQuery(withHandle(ApiGatewayEvents.load("get-picture-history.json"), handle, "/history"), query);
    }

    private static APIGatewayProxyRequestEvent withHandle(
            APIGatewayProxyRequestEvent event, String handle, String rest) {
        Map<String, String> pathParameters = new HashMap<>();
        pathParameters.put("handle", handle);
        event.getRequestContext().setPath("/Prod/user/" + handle + rest);
        return event.withPath("/user/" + handle + rest).withPathParameters(pathParameters);
    }

    /** {@code query} is name, value, name, value…; a name given twice is sent twice. */
    private static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent event, String... query) {
        Map<String, String> single = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            single.put(query[i], query[i + 1]);
            multi.computeIfAbsent(query[i], name -> new ArrayList<>()).add(query[i + 1]);
        }
        return event.withQueryStringParameters(single.isEmpty() ? null : single)
                .withMultiValueQueryStringParameters(multi.isEmpty() ? null : multi);
    }
}
