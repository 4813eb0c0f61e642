package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Reads responses the way a client would, and checks what every response must satisfy. */
final class Responses {

    private Responses() {}

    static JsonObject json(APIGatewayProxyResponseEvent response) {
        assertNotNull(response.getBody(), "every response has a body");
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    /**
     * Checks the error's status, shape and code, that it carries the request id in body and header, and
     * that nothing of an exception leaks into it; returns the message.
     */
    static String assertError(APIGatewayProxyResponseEvent response, int status, String code) {
        assertEquals(status, response.getStatusCode(), response::getBody);
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"), "browsers may read errors too");
        JsonObject body = json(response);
        assertEquals(Set.of("error"), body.keySet());
        JsonObject error = body.getAsJsonObject("error");
        assertEquals(Set.of("code", "message", "requestId"), error.keySet());
        assertEquals(code, error.get("code").getAsString());
        assertEquals(
                response.getHeaders().get("X-Request-Id"),
                error.get("requestId").getAsString());
        assertNoExceptionText(response);
        String message = error.get("message").getAsString();
        assertFalse(message.isBlank());
        return message;
    }

    /**
     * Checks that {@code body} is exactly the body in {@code bodies/<fixture>} (kept pretty-printed there, for
     * people), byte for byte once compacted: the contract's field order, spellings and nulls included.
     * {@code ${name}} in the fixture stands for {@code values.get(name)}, for what a test computes.
     */
    static void assertBody(String fixture, Map<String, String> values, String body) {
        String expected;
        try (InputStream in = Responses.class.getResourceAsStream("/bodies/" + fixture)) {
            assertNotNull(in, "no fixture bodies/" + fixture);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            expected = expected.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertEquals(JsonParser.parseString(expected).toString(), body);
    }

    static void assertBody(String fixture, String body) {
        assertBody(fixture, Map.of(), body);
    }

    static void assertNoExceptionText(APIGatewayProxyResponseEvent response) {
        for (String leak : new String[] {"Exception", "at com.", "at java.", "test fault", "\tat "}) {
            assertFalse(response.getBody().contains(leak), () -> "body leaks '" + leak + "': " + response.getBody());
        }
    }
}
