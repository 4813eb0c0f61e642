package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors the local API answers in API Gateway's place, taken from template.yaml's
 * {@code GatewayResponses}, so that they are the deployed API's own: same status, headers and body,
 * with this request's id. What the template asks that the local API cannot reproduce stops it at start.
 */
final class GatewayErrors {

    /** Why API Gateway answers by itself, with the response types it looks for, in the order it looks. */
    enum Cause {
        /** No route has this method and path: a REST API calls that a missing authentication token. */
        NO_ROUTE("MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX"),
        /** A body over API Gateway's 10 MB limit. */
        REQUEST_TOO_LARGE("REQUEST_TOO_LARGE", "DEFAULT_4XX"),
        /** The function failed instead of answering. */
        FUNCTION_FAILED("INTEGRATION_FAILURE", "DEFAULT_5XX");

        private final List<String> types;

        Cause(String... types) {
            this.types = List.of(types);
        }
    }

    private static final String CONTENT_TYPE = "application/json";
    /** The one value a header mapping or body template may take from the request: its id. */
    private static final String REQUEST_ID_MAPPING = "context.requestId";

    private static final Pattern BODY_VARIABLE = Pattern.compile("\\$context\\.[A-Za-z.]+");

    private final Map<Cause, SamTemplate.GatewayResponse> responses;

    private GatewayErrors(Map<Cause, SamTemplate.GatewayResponse> responses) {
        this.responses = responses;
    }

    /** The responses for every {@link Cause}, from the template's gateway responses by type. */
    static GatewayErrors from(Map<String, SamTemplate.GatewayResponse> defined) {
        Map<Cause, SamTemplate.GatewayResponse> chosen = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            SamTemplate.GatewayResponse response = cause.types.stream()
                    .filter(defined::containsKey)
                    .findFirst()
                    .map(defined::get)
                    .orElseThrow(
                            () -> new IllegalStateException("template.yaml's API has none of the gateway responses "
                                    + cause.types + ", so the local API cannot answer as API Gateway would."));
            check(response);
            chosen.put(cause, response);
        }
        return new GatewayErrors(chosen);
    }

    APIGatewayProxyResponseEvent respond(Cause cause, String requestId) {
        SamTemplate.GatewayResponse response = responses.get(cause);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers()
                .forEach((name, mapping) ->
                        headers.put(name, isLiteral(mapping) ? mapping.substring(1, mapping.length() - 1) : requestId));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(Integer.parseInt(response.statusCode()))
                .withHeaders(headers)
                .withBody(response.templates().get(CONTENT_TYPE).replace("$" + REQUEST_ID_MAPPING, requestId))
                .withIsBase64Encoded(false);
    }

    private static void check(SamTemplate.GatewayResponse response) {
        String where = "template.yaml's " + response.type() + " gateway response";
        if (!response.statusCode().matches("[1-5][0-9][0-9]")) {
            throw new IllegalStateException(
                    where + " has no StatusCode the local API can answer: " + response.statusCode());
        }
        response.headers().forEach((name, mapping) -> {
            if (!isLiteral(mapping) && !REQUEST_ID_MAPPING.equals(mapping)) {
                throw new IllegalStateException(where + " maps header " + name + " to " + mapping
                        + "; the local API knows only 'literal values' and " + REQUEST_ID_MAPPING + ".");
            }
        });
        String body = response.templates().get(CONTENT_TYPE);
        if (body == null) {
            throw new IllegalStateException(where + " has no " + CONTENT_TYPE + " template.");
        }
        Matcher variable = BODY_VARIABLE.matcher(body);
        while (variable.find()) {
            if (!variable.group().equals("$" + REQUEST_ID_MAPPING)) {
                throw new IllegalStateException(where + " uses " + variable.group() + "; the local API knows only $"
                        + REQUEST_ID_MAPPING + ".");
            }
        }
    }

    private static boolean isLiteral(String mapping) {
        return mapping.length() >= 2 && mapping.startsWith("'") && mapping.endsWith("'");
    }
}
