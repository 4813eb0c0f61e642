package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of the local API for the end-to-end tests. Every response it receives is checked against
 * {@code openapi.yaml}, so the description cannot drift from what the service really answers.
 */
final class Http {

    record Reply(int status, JsonObject body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonObject error() {
            return body.getAsJsonObject("error");
        }
    }

    private static final OpenApiInteractionValidator OPENAPI = OpenApiInteractionValidator.createForSpecificationUrl(
                    RepositoryRoot.path().resolve("openapi.yaml").toUri().toString())
            .build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;

    Http(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery)).GET(), "GET", pathAndQuery);
    }

    Reply post(String path, String body) {
        return send(
                HttpRequest.newBuilder(baseUrl.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                "POST",
                path);
    }

    Reply send(String method, String path) {
        return send(
                HttpRequest.newBuilder(baseUrl.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()),
                method,
                path);
    }

    /**
     * A {@code GET} whose answer is a redirect (the image route's {@code 302}), not followed: checked against
     * {@code openapi.yaml} like every answer, but it has no JSON body.
     */
    HttpResponse<String> redirect(String pathAndQuery) {
        HttpResponse<String> response =
                exchange(HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery)).GET());
        assertEquals(302, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "every response carries X-Request-Id");
        assertTrue(response.headers().firstValue("Location").isPresent(), "a redirect says where to");
        validateAgainstOpenApi("GET", pathAndQuery, response);
        return response;
    }

    /** The response as it is, unchecked: for the one answer that is not the API's own, a CORS preflight. */
    HttpResponse<String> unchecked(String method, String path) {
        return exchange(
                HttpRequest.newBuilder(baseUrl.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder request, String method, String pathAndQuery) {
        HttpResponse<String> response = exchange(request);
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "every response carries X-Request-Id");
        assertFalse(response.body().isEmpty(), "never an empty body");
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        if (response.statusCode() >= 400) {
            assertEquals(
                    response.headers().firstValue("X-Request-Id").get(),
                    body.getAsJsonObject("error").get("requestId").getAsString());
        }
        validateAgainstOpenApi(method, pathAndQuery, response);
        return new Reply(response.statusCode(), body, response);
    }

    private static void validateAgainstOpenApi(String method, String pathAndQuery, HttpResponse<String> response) {
        String path = URI.create(pathAndQuery).getPath();
        var described = SimpleResponse.Builder.status(response.statusCode());
        if (!response.body().isEmpty()) {
            described.withBody(response.body());
        }
        response.headers().map().forEach((name, values) -> described.withHeader(name, values));
        ValidationReport report = OPENAPI.validateResponse(path, Request.Method.valueOf(method), described.build());
        // A route the API does not have is described by no path: that is API Gateway's 404, checked by the caller.
        boolean unknownPath = report.getMessages().stream()
                .anyMatch(message -> message.getKey().equals("validation.request.path.missing"));
        boolean unknownMethod = report.getMessages().stream()
                .anyMatch(message -> message.getKey().equals("validation.request.operation.notAllowed"));
        if (unknownPath || unknownMethod) {
            assertEquals(404, response.statusCode());
            return;
        }
        assertFalse(
                report.hasErrors(),
                () -> method + " " + pathAndQuery + " -> " + response.statusCode() + " does not match openapi.yaml: "
                        + report.getMessages() + "\n" + response.body());
    }
}
