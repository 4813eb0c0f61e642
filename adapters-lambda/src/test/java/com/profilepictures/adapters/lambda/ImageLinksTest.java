package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageLinksTest {

    private static final Handle JACK = Handle.of("Jack");
    private static final ImageVersion VERSION =
            ImageVersion.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

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

    @Test
    void throughAnExecuteApiHostTheStageIsPartOfTheLink() {
        var event = request(
                Map.of("Host", "a1.execute-api.us-east-1.amazonaws.com", "X-Forwarded-Proto", "https"),
                "/Prod/user/jack/history",
                "a1.execute-api.us-east-1.amazonaws.com");

        assertEquals(
                "https://a1.execute-api.us-east-1.amazonaws.com/Prod/user/Jack/profile_pic/image",
                ImageLinks.of(event).image(JACK));
        assertEquals(
                "https://a1.execute-api.us-east-1.amazonaws.com/Prod/user/Jack/profile_pic/image?version=" + VERSION,
                ImageLinks.of(event).image(JACK, VERSION));
    }

    @Test
    void throughACustomDomainItsBasePathIsKeptAndNoStageAdded() {
        var mapped = request(
                Map.of("host", "api.example.com", "x-forwarded-proto", "https"),
                "/pictures/user/jack/history",
                "api.example.com");
        var unmapped = request(
                Map.of("host", "api.example.com", "x-forwarded-proto", "https"),
                "/user/jack/history",
                "api.example.com");

        assertEquals(
                "https://api.example.com/pictures/user/Jack/profile_pic/image",
                ImageLinks.of(mapped).image(JACK));
        assertEquals(
                "https://api.example.com/user/Jack/profile_pic/image",
                ImageLinks.of(unmapped).image(JACK));
    }

    @Test
    void aRequestStraightToALocalServerGetsPlainHttpAndItsPort() {
        var event = request(Map.of("Host", "127.0.0.1:3000"), "/user/jack/history", null);

        assertEquals(
                "http://127.0.0.1:3000/user/Jack/profile_pic/image",
                ImageLinks.of(event).image(JACK));
    }

    @Test
    void aHostHeaderThatCouldBendTheLinkIsNotUsed() {
        var event = request(
                Map.of("Host", "evil.example/phish?", "X-Forwarded-Proto", "https"),
                "/Prod/user/jack/history",
                "a1.execute-api.us-east-1.amazonaws.com");

        assertEquals(
                "https://a1.execute-api.us-east-1.amazonaws.com/Prod/user/Jack/profile_pic/image",
                ImageLinks.of(event).image(JACK));
    }

    @Test
    void aBasePathThatIsNoPlainPathIsDropped() {
        var event = request(Map.of("Host", "api.example.com"), "/a b/user/jack/history", null);

        assertEquals(
                "http://api.example.com/user/Jack/profile_pic/image",
                ImageLinks.of(event).image(JACK));
    }

    @Test
    void withoutAnyUsableHostTheLinksArePathsOnTheHostAsked() {
        var throughStage = request(Map.of("Host", "evil.example/phish?"), "/Prod/user/jack/history", null);
        var noContext = request(Map.of(), "/user/jack/history", null);
        noContext.setRequestContext(null);

        assertEquals(
                "/Prod/user/Jack/profile_pic/image", ImageLinks.of(throughStage).image(JACK));
        assertEquals(
                "/user/Jack/profile_pic/image?version=" + VERSION,
                ImageLinks.of(noContext).image(JACK, VERSION));
    }
}
