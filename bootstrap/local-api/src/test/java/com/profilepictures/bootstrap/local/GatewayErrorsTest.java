package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.bootstrap.local.GatewayErrors.Cause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayErrorsTest {

    private static final String JSON_BODY =
            "{\"error\":{\"code\":\"route_not_found\",\"message\":\"No such route.\",\"requestId\":\"$context.requestId\"}}";
    private static final Map<String, String> HEADERS =
            Map.of("Content-Type", "'application/json'", "X-Request-Id", "context.requestId");

    private static SamTemplate.GatewayResponse response(
            String type, String status, Map<String, String> headers, String body) {
        return new SamTemplate.GatewayResponse(type, status, headers, Map.of("application/json", body));
    }

    @Test
    void givenTheRepositorysTemplate_eachCause_isAnsweredAsTheDeployedApiAnswersIt_withThisRequestsId() {
        var errors = GatewayErrors.from(
                SamTemplate.load(RepositoryRoot.path().resolve("template.yaml")).gatewayResponses());
        record Expected(Cause cause, int status, String code) {}

        for (Expected expected : new Expected[] {
            new Expected(Cause.NO_ROUTE, 404, "route_not_found"),
            new Expected(Cause.REQUEST_TOO_LARGE, 413, "payload_too_large"),
            new Expected(Cause.FUNCTION_FAILED, 500, "internal_error")
        }) {

            APIGatewayProxyResponseEvent response = errors.respond(expected.cause(), "req-1");

            assertEquals(
                    expected.status(),
                    response.getStatusCode(),
                    expected.cause().name());
            JsonObject error =
                    JsonParser.parseString(response.getBody()).getAsJsonObject().getAsJsonObject("error");
            assertEquals(
                    expected.code(),
                    error.get("code").getAsString(),
                    expected.cause().name());
            assertEquals(
                    "req-1",
                    error.get("requestId").getAsString(),
                    expected.cause().name());
            assertEquals(
                    Map.of(
                            "Content-Type",
                            "application/json",
                            "X-Request-Id",
                            "req-1",
                            "Access-Control-Allow-Origin",
                            "*"),
                    response.getHeaders(),
                    expected.cause().name());
        }
    }

    @Test
    void givenOnlyTheDefaultResponses_eachCause_fallsBackToItsDefault_asApiGatewayDoes() {
        var errors = GatewayErrors.from(Map.of(
                "DEFAULT_4XX", response("DEFAULT_4XX", "404", HEADERS, JSON_BODY),
                "DEFAULT_5XX", response("DEFAULT_5XX", "500", HEADERS, JSON_BODY)));

        assertEquals(404, errors.respond(Cause.NO_ROUTE, "r").getStatusCode());
        assertEquals(404, errors.respond(Cause.REQUEST_TOO_LARGE, "r").getStatusCode());
        assertEquals(500, errors.respond(Cause.FUNCTION_FAILED, "r").getStatusCode());
    }

    @Test
    void givenNoResponseForACause_theLocalApiRefusesToStart_ratherThanMakeOneUp() {
        var thrown = assertThrows(
                IllegalStateException.class,
                () -> GatewayErrors.from(Map.of("DEFAULT_4XX", response("DEFAULT_4XX", "404", HEADERS, JSON_BODY))));

        assertTrue(thrown.getMessage().contains("INTEGRATION_FAILURE"), thrown.getMessage());
    }

    @Test
    void givenMappingsTheLocalApiCannotEvaluate_itRefusesToStart() {
        Map<String, String> fromRequestHeader = Map.of("X-Origin", "method.request.header.Origin");
        String otherVariable = JSON_BODY.replace("$context.requestId", "$context.error.message");

        for (Map<String, SamTemplate.GatewayResponse> unsupported : List.of(
                Map.of(
                        "DEFAULT_4XX",
                        response("DEFAULT_4XX", "404", fromRequestHeader, JSON_BODY),
                        "DEFAULT_5XX",
                        response("DEFAULT_5XX", "500", HEADERS, JSON_BODY)),
                Map.of(
                        "DEFAULT_4XX",
                        response("DEFAULT_4XX", "404", HEADERS, otherVariable),
                        "DEFAULT_5XX",
                        response("DEFAULT_5XX", "500", HEADERS, JSON_BODY)))) {

            var thrown = assertThrows(IllegalStateException.class, () -> GatewayErrors.from(unsupported));

            assertTrue(thrown.getMessage().contains("DEFAULT_4XX"), thrown.getMessage());
        }
    }
}
