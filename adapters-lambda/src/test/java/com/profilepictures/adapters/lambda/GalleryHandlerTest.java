package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.profilepictures.application.testing.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The gallery page as the handler serves it; what it does in a browser is GalleryTest's (bootstrap/local-api). */
class GalleryHandlerTest {

    private static final URI ARCHIVE = URI.create("https://pictures-1a2b.s3.eu-west-1.amazonaws.com");

    private final GalleryHandler handler =
            new GalleryHandler(ARCHIVE, new MutableClock(Instant.parse("2026-11-28T04:00:00Z")));
    private final TestContext context = new TestContext();

    private static APIGatewayProxyRequestEvent root() {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath("/")
                .withResource("/")
                .withRequestContext(
                        new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("gallery-request"));
    }

    @Test
    void givenARequestForTheRoot_handle_answersTheHtmlPageWithItsRequestId() {
        var response = handler.handle(root(), context);

        assertEquals(200, response.getStatusCode());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals("gallery-request", response.getHeaders().get("X-Request-Id"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertTrue(response.getBody().startsWith("<!DOCTYPE html>"), response.getBody());
    }

    @Test
    void givenThePage_handle_allowsExactlyItsOwnInlineScriptAndStyle() {
        var response = handler.handle(root(), context);
        String policy = response.getHeaders().get("Content-Security-Policy");

        List<String> scripts = inline(response.getBody(), "script");
        List<String> styles = inline(response.getBody(), "style");

        assertEquals(1, scripts.size(), "one inline script");
        assertEquals(1, styles.size(), "one inline style");
        assertTrue(policy.contains("script-src " + GalleryPage.hash(scripts.get(0)) + ";"), policy);
        assertTrue(policy.contains("style-src " + GalleryPage.hash(styles.get(0)) + ";"), policy);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("*"), policy);
    }

    @Test
    void givenAnArchiveOrigin_handle_allowsImagesFromHereAndThereOnlyAndCallsFromHereOnly() {
        String policy = handler.handle(root(), context).getHeaders().get("Content-Security-Policy");

        assertTrue(policy.contains("img-src 'self' https://pictures-1a2b.s3.eu-west-1.amazonaws.com;"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void givenALocalArchiveWithAPort_thePolicyNamesItsOriginWithoutThePath() {
        var local =
                new GalleryHandler(URI.create("http://127.0.0.1:5123/some/path?x=1"), new MutableClock(Instant.EPOCH));

        String policy = local.handle(root(), context).getHeaders().get("Content-Security-Policy");

        assertTrue(policy.contains("img-src 'self' http://127.0.0.1:5123;"), policy);
    }

    @Test
    void givenAnArchiveThatIsNoHttpOrigin_construction_refusesIt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new GalleryHandler(URI.create("javascript:alert(1)"), new MutableClock(Instant.EPOCH)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new GalleryHandler(URI.create("ftp://example.com"), new MutableClock(Instant.EPOCH)));
    }

    @Test
    void givenThePage_handle_loadsNothingFromElsewhereAndHasNoInlineHandlersOrMarkupInsertion() {
        String html = handler.handle(root(), context).getBody();

        assertFalse(
                Pattern.compile("\\s(src|href)\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(html.replace(GalleryPage.script(), ""))
                        .find(),
                "the page's markup links nothing: its script and style are inline");
        assertFalse(
                Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find(),
                "an inline event handler");
        assertFalse(
                Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(|new Function")
                        .matcher(GalleryPage.script())
                        .find(),
                "the script inserts everything as text");
        assertFalse(GalleryPage.script().contains("</script"), "the inline script cannot end early");
        assertNotNull(html);
    }

    private static List<String> inline(String html, String tag) {
        Matcher matcher = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL)
                .matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
