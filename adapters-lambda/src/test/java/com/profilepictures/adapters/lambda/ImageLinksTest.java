package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageLinksTest {

    private static final Handle JACK = Handle.of("Jack");
    private static final ImageVersion VERSION =
            ImageVersion.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    private static final String EXECUTE_API = "a1.execute-api.us-east-1.amazonaws.com";

    /** A history request as API Gateway or the local API would pass it. */
    private static APIGatewayProxyRequestEvent request(
            Map<String, String> headers, String fullPath, String domainName) {
        var event = ApiGatewayEvents.load("get-picture-history.json");
        event.setHeaders(new HashMap<>(headers));
        event.setPath("/user/jack/history");
        event.getRequestContext().setPath(fullPath);
        event.getRequestContext().setDomainName(domainName);
        return event;
    }

    /** A request's headers, full path and API Gateway domain name (null: none), and the image link it gets. */
    record Asked(String says, Map<String, String> headers, String fullPath, String domainName, String link) {
        @Override
        public String toString() {
            return says;
        }
    }

    static Stream<Asked> requests() {
        return Stream.of(
                new Asked(
                        "through an execute-api host the stage is part of the link",
                        Map.of("Host", EXECUTE_API, "X-Forwarded-Proto", "https"),
                        "/Prod/user/jack/history",
                        EXECUTE_API,
                        "https://" + EXECUTE_API + "/Prod/user/Jack/profile_pic/image"),
                new Asked(
                        "through a custom domain its base path is kept and no stage added",
                        Map.of("host", "api.example.com", "x-forwarded-proto", "https"),
                        "/pictures/user/jack/history",
                        "api.example.com",
                        "https://api.example.com/pictures/user/Jack/profile_pic/image"),
                new Asked(
                        "through a custom domain without a base path, no stage either",
                        Map.of("host", "api.example.com", "x-forwarded-proto", "https"),
                        "/user/jack/history",
                        "api.example.com",
                        "https://api.example.com/user/Jack/profile_pic/image"),
                new Asked(
                        "a request straight to a local server gets plain http and its port",
                        Map.of("Host", "127.0.0.1:3000"),
                        "/user/jack/history",
                        null,
                        "http://127.0.0.1:3000/user/Jack/profile_pic/image"),
                new Asked(
                        "a host header that could bend the link is not used",
                        Map.of("Host", "evil.example/phish?", "X-Forwarded-Proto", "https"),
                        "/Prod/user/jack/history",
                        EXECUTE_API,
                        "https://" + EXECUTE_API + "/Prod/user/Jack/profile_pic/image"),
                new Asked(
                        "a base path that is no plain path is dropped",
                        Map.of("Host", "api.example.com"),
                        "/a b/user/jack/history",
                        null,
                        "http://api.example.com/user/Jack/profile_pic/image"),
                new Asked(
                        "without any usable host the link is a path on the host asked",
                        Map.of("Host", "evil.example/phish?"),
                        "/Prod/user/jack/history",
                        null,
                        "/Prod/user/Jack/profile_pic/image"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theImageLinkPointsWhereTheRequestCameThrough(Asked asked) {
        var event = request(asked.headers(), asked.fullPath(), asked.domainName());

        assertEquals(asked.link(), ImageLinks.of(event).image(JACK));
    }

    @Test
    void aVersionIsAskedForInTheLinksQuery() {
        var event = request(
                Map.of("Host", EXECUTE_API, "X-Forwarded-Proto", "https"), "/Prod/user/jack/history", EXECUTE_API);

        assertEquals(
                "https://" + EXECUTE_API + "/Prod/user/Jack/profile_pic/image?version=" + VERSION,
                ImageLinks.of(event).image(JACK, VERSION));
    }

    @Test
    void withoutARequestContextTheLinksArePathsOnTheHostAsked() {
        var noContext = request(Map.of(), "/user/jack/history", null);
        noContext.setRequestContext(null);

        assertEquals("/user/Jack/profile_pic/image", ImageLinks.of(noContext).image(JACK));
        assertEquals(
                "/user/Jack/profile_pic/image?version=" + VERSION,
                ImageLinks.of(noContext).image(JACK, VERSION));
    }
}
