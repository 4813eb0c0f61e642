package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gallery ({@code GET /}) in real headless Chromium, against the local API as {@code make run} starts
 * it (its own process, its own moto, the fixture site as X), with accounts stored by scraping them through
 * the API. Each test leaves a screenshot in {@code target/gallery/} for a person to look at.
 */
class GalleryTest {

    @RegisterExtension
    static final MakeRun MAKE_RUN = new MakeRun();

    /** More than one page of the gallery (24), so that "more" has something to show. */
    private static final int STORED = 30;

    private static final int PAGE_SIZE = 24;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "gallery");

    @TempDir
    static Path workDir;

    private static FixtureSite x;
    private static MakeRun.Started localApi;
    private static URI service;
    private static ChromeDriver browser;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final List<String> SEEDED =
            IntStream.range(0, STORED).mapToObj(i -> "Gallery_" + i).toList();

    private String testName;

    @BeforeAll
    static void startTheServiceStoreAccountsAndOpenABrowser() throws Exception {
        x = FixtureSite.start(Duration.ofMillis(50));
        Map<String, String> environment = new HashMap<>(FixtureX.variables(x));
        environment.putAll(Map.of("PORT", "0", "SCRAPE_TIMEOUT", "PT15S"));
        localApi = MAKE_RUN.start(workDir, environment);
        service = localApi.awaitReady(Duration.ofSeconds(120));

        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> scrapes = new ArrayList<>();
            for (String handle : SEEDED) {
                scrapes.add(clients.submit(() -> send(HttpRequest.newBuilder(service.resolve("/scrape"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"" + handle + "\"}")))));
            }
            for (Future<HttpResponse<String>> scrape : scrapes) {
                HttpResponse<String> stored = scrape.get(2, TimeUnit.MINUTES);
                assertEquals(200, stored.statusCode(), stored.body());
            }
        } finally {
            clients.shutdownNow();
        }

        awaitEveryPictureArchived();
        browser = HeadlessChromium.start(workDir.resolve("chromium"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (localApi != null) {
            localApi.close(); // before the fixture site it scrapes stops
        }
        if (x != null) {
            x.close();
        }
    }

    @BeforeEach
    void openTheGallery(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().logs().get(LogType.PERFORMANCE); // drop what earlier tests logged
        browser.get(service.resolve("/").toString());
        awaitTrue(
                "the first page of accounts",
                "return document.querySelectorAll('#gallery-grid > li').length >= " + PAGE_SIZE);
    }

    @AfterEach
    void saveAScreenshot() throws IOException {
        Files.write(SCREENSHOTS.resolve(testName + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    // --- the grid ---------------------------------------------------------------------------------

    @Test
    void theGridShowsStoredAccountsWithTheirArchivedPicturesDecoded() {
        List<WebElement> cards = browser.findElements(By.cssSelector("#gallery-grid > li"));

        assertEquals(PAGE_SIZE, cards.size(), "one page of " + PAGE_SIZE);
        for (WebElement card : cards) {
            String handle = card.findElement(By.cssSelector(".handle")).getText();
            assertTrue(handle.matches("@[A-Za-z0-9_]{1,15}"), handle);
            assertTrue(
                    card.findElement(By.cssSelector("time"))
                            .getAttribute("datetime")
                            .endsWith("Z"),
                    "when it was scraped");
            browser.executeScript("arguments[0].scrollIntoView()", card);
            WebElement picture = awaitDecodedPicture(card, "the picture of " + handle + " decoded after the redirect");
            assertEquals("Profile picture of " + handle, picture.getAttribute("alt"));
            assertTrue(
                    picture.getAttribute("src").endsWith("/user/" + handle.substring(1) + "/profile_pic/image"),
                    "through the image route: " + picture.getAttribute("src"));
        }
        browser.executeScript("window.scrollTo(0, 0)");
    }

    @Test
    void moreShowsTheNextPageUntilEveryAccountIsShownOnce() {
        WebElement more = browser.findElement(By.id("gallery-more"));
        int pages = 1;
        while (more.isDisplayed() && pages < 10) {
            int before = cardKeys().size();
            more.click();
            awaitTrue(
                    "another page",
                    "return document.querySelectorAll('#gallery-grid > li').length > " + before
                            + " || document.getElementById('gallery-more').hidden");
            pages++;
        }

        List<String> keys = cardKeys();
        assertFalse(more.isDisplayed(), "no more after the last page");
        assertEquals(keys.size(), new HashSet<>(keys).size(), "no account twice: " + keys);
        assertTrue(
                keys.containsAll(SEEDED.stream().map(h -> h.toLowerCase()).toList()), "every stored account: " + keys);
        assertTrue(pages >= 2, "more than one page of " + PAGE_SIZE);
        assertTrue(
                text("gallery-status").startsWith("Showing " + keys.size() + " stored accounts"),
                text("gallery-status"));
    }

    // --- the forms --------------------------------------------------------------------------------

    @Test
    void scrapingFromTheFormAddsTheAccountToTheGridWithItsPicture() {
        type("scrape-handle", "newface");
        browser.findElement(By.id("scrape-button")).click();

        awaitTrue("the stored picture", "return document.querySelector('#scrape-result figure') !== null");
        assertTrue(
                text("scrape-result").contains("@" + FixtureSite.canonicalSpellingOf("newface")),
                text("scrape-result"));
        WebElement first = browser.findElement(By.cssSelector("#gallery-grid > li:first-child"));
        assertEquals("newface", first.getAttribute("data-key"));
        awaitDecodedPicture(browser.findElement(By.id("scrape-result")), "the new picture decoded once archived");
    }

    @Test
    void aNonexistentAccountTypedAndEnteredFromTheKeyboardGetsAMessageForAPersonRepeatingIt() {
        type("scrape-handle", FixtureSite.NONEXISTENT + Keys.ENTER);

        WebElement message = awaitElement(browser.findElement(By.id("scrape-result")), "[role=alert]");
        assertEquals(
                "X says there is no account “" + FixtureSite.NONEXISTENT + "”. Check the spelling and try again.",
                message.getText());
    }

    @Test
    void lookingUpAStoredAccountFromTheKeyboardShowsItAndItsHistory() {
        type("lookup-handle", "gallery_3" + Keys.ENTER);

        awaitTrue("the account", "return document.querySelector('#lookup-result figure') !== null");
        assertTrue(text("lookup-result").contains("@Gallery_3"), text("lookup-result"));
        awaitTrue("its history", "return document.querySelectorAll('#history-strip > li').length > 0");
        assertEquals("History of @Gallery_3", text("history-title"));
        WebElement past = browser.findElement(By.cssSelector("#history-strip > li"));
        assertTrue(
                past.findElements(By.cssSelector("img.avatar, .placeholder[role=img]"))
                                .size()
                        == 1,
                "a picture or its placeholder");
    }

    @Test
    void typedMarkupIsShownAsTextNeverMadeIntoElements() {
        browser.executeScript("window.__ran = false");
        String markup = "<img src=x onerror=\"window.__ran=true\">";
        int imagesBefore = imageCount();

        type("scrape-handle", markup);
        browser.findElement(By.id("scrape-button")).click();
        WebElement scrapeMessage = awaitElement(browser.findElement(By.id("scrape-result")), "[role=alert]");
        type("lookup-handle", markup);
        browser.findElement(By.id("lookup-button")).click();
        WebElement lookupMessage = awaitElement(browser.findElement(By.id("lookup-result")), "[role=alert]");

        assertTrue(scrapeMessage.getText().startsWith("“" + markup + "” is not an X handle."), scrapeMessage.getText());
        assertTrue(lookupMessage.getText().startsWith("“" + markup + "” is not an X handle."), lookupMessage.getText());
        assertEquals(
                0L,
                browser.executeScript("return document.querySelectorAll('img[src=\"x\"]').length"),
                "no element made of it");
        assertEquals(
                0L,
                browser.executeScript(
                        "return document.querySelectorAll('#scrape-result *, #lookup-result *').length - 2"),
                "each message is one element of text");
        assertEquals(imagesBefore, imageCount());
        assertEquals(Boolean.FALSE, browser.executeScript("return window.__ran"), "no handler ran");
        assertTrue(requestedUrls().stream().noneMatch(url -> url.endsWith("/x")), "nothing fetched x");
    }

    // --- for everyone -----------------------------------------------------------------------------

    @Test
    void axeFindsNoSeriousOrCriticalViolationInLightOrDarkWithAnErrorAndAHistoryShown() throws IOException {
        type("scrape-handle", FixtureSite.NONEXISTENT);
        browser.findElement(By.id("scrape-button")).click();
        awaitElement(browser.findElement(By.id("scrape-result")), "[role=alert]");
        browser.findElement(By.cssSelector("#gallery-grid > li:first-child button"))
                .click();
        awaitTrue("a history", "return document.getElementById('history-status').textContent !== 'Loading…'");

        List<String> light = seriousViolations();
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        List<String> dark = seriousViolations();

        assertEquals(List.of(), light, "light");
        assertEquals(List.of(), dark, "dark");
    }

    @Test
    void atAPhonesWidthNothingScrollsSideways() {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        browser.navigate().refresh();
        awaitTrue("the first page", "return document.querySelectorAll('#gallery-grid > li').length >= " + PAGE_SIZE);
        type("scrape-handle", "a_very_long_text_without_any_spaces_that_someone_pasted_by_mistake_0123456789");
        browser.findElement(By.id("scrape-button")).click();
        awaitElement(browser.findElement(By.id("scrape-result")), "[role=alert]");

        assertEquals(375L, browser.executeScript("return window.innerWidth"));
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0L, overflow, "the page is wider than the phone by " + overflow + " px");
    }

    @Test
    void aDarkColourSchemeChangesThePagesColours() {
        String lightBackground =
                (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
        String lightText = (String) browser.executeScript("return getComputedStyle(document.body).color");

        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));

        awaitTrue("dark", "return matchMedia('(prefers-color-scheme: dark)').matches");
        String darkBackground =
                (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
        String darkText = (String) browser.executeScript("return getComputedStyle(document.body).color");
        assertNotEquals(lightBackground, darkBackground);
        assertNotEquals(lightText, darkText);
        assertTrue(luminance(darkBackground) < luminance(lightBackground), lightBackground + " -> " + darkBackground);
        assertTrue(luminance(darkText) > luminance(darkBackground), "light text on a dark ground: " + darkText);
    }

    // --- where things come from -------------------------------------------------------------------

    @Test
    void everyPictureCameFromTheServiceOrTheArchiveRedirectsIncludedUnderThePagesPolicy() throws Exception {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(service.resolve("/")).GET());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull(policy, "the page is served with a Content-Security-Policy");
        assertEquals(
                "text/html; charset=utf-8",
                page.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> redirect =
                send(HttpRequest.newBuilder(service.resolve("/user/" + SEEDED.get(0) + "/profile_pic/image"))
                        .GET());
        assertEquals(302, redirect.statusCode(), redirect.body());
        String archive = origin(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(
                policy.contains("img-src 'self' " + archive + ";"), "images from here and the archive only: " + policy);
        // Earlier loads' redirects and pictures are cached (the route says max-age=60): this load fetches every hop.
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.navigate().refresh();
        awaitTrue("the first page", "return document.querySelectorAll('#gallery-grid > li').length >= " + PAGE_SIZE);
        awaitTrue(
                "the visible pictures decoded",
                "return [...document.querySelectorAll('#gallery-grid img.avatar')]"
                        + ".filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete && i.naturalWidth > 0)");

        List<String> hops = imageHops();

        Set<String> origins =
                hops.stream().map(GalleryTest::origin).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Set.of(origin(service.toString()), archive), origins, "every image hop: " + hops);
        assertTrue(
                hops.stream().anyMatch(hop -> hop.contains("/profile_pic/image")), "through the image route: " + hops);
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }

    // --- plumbing ---------------------------------------------------------------------------------

    /** Archiving follows each scrape from the table's stream; the grid is opened once it has caught up. */
    private static void awaitEveryPictureArchived() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Set<String> archived = new HashSet<>();
        while (archived.size() < STORED) {
            archived.clear();
            HttpResponse<String> page = send(
                    HttpRequest.newBuilder(service.resolve("/users?limit=100")).GET());
            for (JsonElement user :
                    JsonParser.parseString(page.body()).getAsJsonObject().getAsJsonArray("users")) {
                if (user.getAsJsonObject().get("archived").getAsBoolean()) {
                    archived.add(user.getAsJsonObject().get("handle").getAsString());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                fail("only " + archived.size() + " of " + STORED + " pictures archived after 90 s: " + archived);
            }
            if (archived.size() < STORED) {
                localApi.awaitOutputChange(Duration.ofMillis(200));
            }
        }
    }

    /** Every URL an image request went to, each hop of its redirects included, from Chromium's DevTools events. */
    private static List<String> imageHops() {
        Set<String> imageRequests = new HashSet<>();
        List<JsonObject> sent = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message =
                    JsonParser.parseString(entry.getMessage()).getAsJsonObject().getAsJsonObject("message");
            if (message.get("method").getAsString().equals("Network.requestWillBeSent")) {
                JsonObject params = message.getAsJsonObject("params");
                sent.add(params);
                if (params.has("type") && params.get("type").getAsString().equals("Image")) {
                    imageRequests.add(params.get("requestId").getAsString());
                }
            }
        }
        List<String> hops = new ArrayList<>();
        for (JsonObject params : sent) {
            if (imageRequests.contains(params.get("requestId").getAsString())) {
                hops.add(params.getAsJsonObject("request").get("url").getAsString());
                if (params.has("redirectResponse")) {
                    hops.add(params.getAsJsonObject("redirectResponse")
                            .get("url")
                            .getAsString());
                }
            }
        }
        assertFalse(hops.isEmpty(), "the performance log recorded no image request");
        return hops;
    }

    private static List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message =
                    JsonParser.parseString(entry.getMessage()).getAsJsonObject().getAsJsonObject("message");
            if (message.get("method").getAsString().equals("Network.requestWillBeSent")) {
                urls.add(message.getAsJsonObject("params")
                        .getAsJsonObject("request")
                        .get("url")
                        .getAsString());
            }
        }
        return urls;
    }

    private List<String> seriousViolations() throws IOException {
        browser.executeScript(axeSource());
        Object result = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        String json = String.valueOf(result);
        assertFalse(json.startsWith("error: "), json);
        List<String> serious = new ArrayList<>();
        for (JsonElement violation : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject v = violation.getAsJsonObject();
            String impact = v.get("impact").isJsonNull() ? "" : v.get("impact").getAsString();
            if (impact.equals("serious") || impact.equals("critical")) {
                JsonArray nodes = v.getAsJsonArray("nodes");
                serious.add(impact + " " + v.get("id").getAsString() + ": "
                        + v.get("help").getAsString() + " at "
                        + nodes.get(0).getAsJsonObject().get("html").getAsString());
            }
        }
        return serious;
    }

    private static String axeSource() throws IOException {
        try (InputStream in =
                GalleryTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertNotNull(in, "axe-core's WebJar is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double luminance(String rgb) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertTrue(m.find(), rgb);
        return 0.2126 * Integer.parseInt(m.group(1))
                + 0.7152 * Integer.parseInt(m.group(2))
                + 0.0722 * Integer.parseInt(m.group(3));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static List<String> cardKeys() {
        return browser.findElements(By.cssSelector("#gallery-grid > li")).stream()
                .map(li -> li.getAttribute("data-key"))
                .toList();
    }

    private static int imageCount() {
        return ((Long) browser.executeScript("return document.images.length")).intValue();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void awaitTrue(String what, String script, Object... arguments) {
        try {
            new WebDriverWait(browser, WAIT)
                    .until(driver ->
                            Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(script, arguments)));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("waited " + WAIT + " for " + what);
        }
    }

    /**
     * Waits for the picture in {@code within} to be decoded, looking it up afresh each time: until the image
     * route answers, the page swaps the {@code <img>} out for a placeholder and back in, and a reference held
     * across a swap would be stale.
     */
    private static WebElement awaitDecodedPicture(WebElement within, String what) {
        awaitTrue(
                what,
                "const picture = arguments[0].querySelector('img.avatar');"
                        + " return picture !== null && picture.complete && picture.naturalWidth > 0",
                within);
        return within.findElement(By.cssSelector("img.avatar"));
    }

    private static WebElement awaitElement(WebElement within, String selector) {
        try {
            return new WebDriverWait(browser, WAIT)
                    .until(driver -> within.findElements(By.cssSelector(selector)).stream()
                            .findFirst()
                            .orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            return fail("waited " + WAIT + " for " + selector + " in " + within.getAttribute("id") + ": "
                    + within.getText());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
