package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {

    private final RouteTable routes = new RouteTable(List.of(
            new SamTemplate.Route("GetProfilePicFunction", "GET", "/user/{handle}/profile_pic", "Get", "handleRequest"),
            new SamTemplate.Route("ListUsersFunction", "GET", "/users", "List", "handleRequest"),
            new SamTemplate.Route("ScrapeFunction", "POST", "/scrape", "Scrape", "handleRequest")));

    private static LocalRequest request(String method, String path, String query, byte[] body) {
        return new LocalRequest(
                method,
                path,
                query,
                Map.of("Content-Type", List.of("application/json"), "X-Twice", List.of("a", "b")),
                body,
                "127.0.0.1");
    }

    @Test
    void routesByMethodAndPathTemplateAndDecodesPathParameters() {
        var match = routes.match("GET", "/user/J%41ck/profile_pic").orElseThrow();

        assertEquals("GetProfilePicFunction", match.route().functionId());
        assertEquals(Map.of("handle", "JAck"), match.pathParameters());
        assertEquals(Optional.empty(), routes.match("POST", "/users"));
        assertEquals(Optional.empty(), routes.match("GET", "/user/jack/profile_pic/extra"));
        assertEquals(Optional.empty(), routes.match("GET", "/user//profile_pic"));
        assertTrue(routes.hasPath("/scrape"));
        assertFalse(routes.hasPath("/nope"));
    }

    @Test
    void buildsTheEventApiGatewayWouldSend() {
        var match = routes.match("GET", "/users").orElseThrow();

        var event = ProxyEvents.event(
                request("GET", "/users", "limit=7&lastKey=abc&limit=9&flag", new byte[0]), match, "req-1");

        assertEquals("GET", event.getHttpMethod());
        assertEquals("/users", event.getPath());
        assertEquals("/users", event.getResource());
        assertEquals(
                Map.of("limit", List.of("7", "9"), "lastKey", List.of("abc"), "flag", List.of("")),
                event.getMultiValueQueryStringParameters());
        assertEquals("9", event.getQueryStringParameters().get("limit"), "the single-value map keeps the last value");
        assertEquals("b", event.getHeaders().get("X-Twice"));
        assertEquals(List.of("a", "b"), event.getMultiValueHeaders().get("X-Twice"));
        assertEquals("req-1", event.getRequestContext().getRequestId());
        assertEquals("/users", event.getRequestContext().getResourcePath());
        assertEquals(
                "/users",
                event.getRequestContext().getPath(),
                "the path the client used, which has no stage locally: links built from it must work here");
        assertEquals("127.0.0.1", event.getRequestContext().getIdentity().getSourceIp());
        assertNull(event.getBody());
        assertNull(event.getPathParameters());
    }

    @Test
    void textBodiesPassAsTheyAreAndOthersAsBase64() {
        var match = routes.match("POST", "/scrape").orElseThrow();
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00};

        var text = ProxyEvents.event(
                request("POST", "/scrape", null, "{\"handle\":\"jäck\"}".getBytes(StandardCharsets.UTF_8)), match, "r");
        var bytes = ProxyEvents.event(request("POST", "/scrape", null, binary), match, "r");

        assertEquals("{\"handle\":\"jäck\"}", text.getBody());
        assertFalse(text.getIsBase64Encoded());
        assertTrue(bytes.getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(binary), bytes.getBody());
    }

    @Test
    void queryValuesArePercentDecoded() {
        assertEquals(Map.of("lastKey", List.of("a b+c")), ProxyEvents.query("lastKey=a+b%2Bc"));
    }
}
