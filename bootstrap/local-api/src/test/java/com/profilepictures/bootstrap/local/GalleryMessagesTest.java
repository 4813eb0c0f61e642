package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonParser;
import com.profilepictures.adapters.lambda.GalleryHandler;
import com.profilepictures.adapters.lambda.testing.ContractErrorTable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gallery's message for every error code of the contract, in Chromium: the real page (from
 * {@link GalleryHandler}) in front of a stand-in API whose {@code POST /scrape} answers the error named by
 * the handle typed, with the contract's status, and {@code Retry-After: 30} on 503s.
 */
class GalleryMessagesTest {

    private static final String RETRY_AFTER_SECONDS = "30";
    /** What the page says when it does not know a code: no contract code may end up there. */
    private static final String FALLBACK = "in a way this page does not understand";

    @TempDir
    static Path userData;

    private static HttpServer api;
    private static ChromeDriver browser;
    private static Map<String, Integer> contract;

    @BeforeAll
    static void startAStandInApiAndABrowser() throws IOException {
        contract = ContractErrorTable.read(RepositoryRoot.path().resolve("docs/API.md"));
        GalleryHandler gallery = new GalleryHandler(URI.create("http://127.0.0.1:9"), Clock.systemUTC());
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        api.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/")) {
                    APIGatewayProxyResponseEvent page = gallery.handle(
                            new APIGatewayProxyRequestEvent()
                                    .withHttpMethod("GET")
                                    .withPath("/")
                                    .withResource("/"),
                            new LocalContext(
                                    "messages",
                                    "GalleryFunction",
                                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
                    page.getHeaders().forEach(exchange.getResponseHeaders()::set);
                    send(exchange, page.getStatusCode(), page.getBody());
                } else if (path.equals("/users")) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    send(exchange, 200, "{\"users\":[],\"lastKey\":\"\"}");
                } else if (path.equals("/scrape")) {
                    String code = JsonParser.parseString(
                                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject()
                            .get("handle")
                            .getAsString();
                    int status = contract.getOrDefault(code, 500);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    if (status == 503) {
                        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
                    }
                    send(
                            exchange,
                            status,
                            "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\",\"requestId\":\"req-" + code
                                    + "\"}}");
                } else {
                    send(exchange, 404, "");
                }
            }
        });
        api.start();
        browser = HeadlessChromium.start(userData.resolve("chromium"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void everyErrorCodeOfTheContractGetsAMessageForAPersonAnd503sSayWhenToRetry() throws IOException {
        browser.get("http://127.0.0.1:" + api.getAddress().getPort() + "/");
        assertTrue(contract.size() >= 18, "the contract's error table: " + contract);
        Map<String, String> shown = new LinkedHashMap<>();

        for (String code : contract.keySet()) {
            WebElement input = browser.findElement(By.id("scrape-handle"));
            input.clear();
            input.sendKeys(code);
            browser.findElement(By.id("scrape-button")).click();
            shown.put(code, awaitMessage(code));
        }
        Files.createDirectories(Path.of("target", "gallery"));
        Files.write(
                Path.of("target", "gallery", "everyErrorCodesMessage.png"), browser.getScreenshotAs(OutputType.BYTES));

        shown.forEach((code, message) -> {
            assertFalse(message.isBlank() || message.contains(FALLBACK), code + ": " + message);
            assertFalse(
                    message.contains("\"m\"") || message.equals("m"),
                    code + ": the page writes its own words, not the API's: " + message);
            if (contract.get(code) == 503) {
                assertTrue(
                        message.contains("Try again in " + RETRY_AFTER_SECONDS + " seconds."), code + ": " + message);
            }
        });
        assertTrue(
                shown.get("internal_error").contains("req-internal_error"),
                "a bug's message names the request to report");
        assertEquals(
                contract.size(), shown.values().stream().distinct().count(), "each code its own message: " + shown);
    }

    /** The alert for this submission: the one before it named another code, so wait until the text changes. */
    private static String awaitMessage(String code) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
                var alerts = driver.findElements(By.cssSelector("#scrape-result [role=alert]"));
                if (alerts.isEmpty()
                        || browser.findElement(By.id("scrape-button")).getAttribute("disabled") != null) {
                    return null;
                }
                String text = alerts.get(0).getText();
                return text.equals(driver.findElement(By.id("scrape-result")).getAttribute("data-previous"))
                        ? null
                        : markSeen(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            return fail("no message for " + code);
        }
    }

    private static String markSeen(String text) {
        browser.executeScript("document.getElementById('scrape-result').dataset.previous = arguments[0]", text);
        return text;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
