package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserConfigurationTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        var environment = new Environment(Map.of("PATH", "/nonexistent"));
        var configuration = BrowserConfiguration.from(environment, 2, Duration.ofSeconds(20));

        assertEquals(URI.create("https://x.com"), configuration.baseUrl());
        assertEquals(Duration.ofSeconds(20), configuration.commandTimeout(), "no browser command outlasts the scrape");
        assertEquals(2, configuration.poolSize());
        assertEquals(
                Path.of("chromedriver"),
                configuration.chromedriver(),
                "not found: the bare name is kept for the error");
    }

    @Test
    void readsEveryVariable(@TempDir Path bin) throws Exception {
        Path driver = Files.createFile(bin.resolve("chromedriver"));
        driver.toFile().setExecutable(true);

        var environment = new Environment(Map.of(
                "X_BASE_URL",
                "http://127.0.0.1:8081/",
                "CHROMIUM_BINARY",
                "/opt/chromium",
                "PATH",
                bin.toString(),
                "BROWSER_POOL_SIZE",
                "3"));
        var configuration = BrowserConfiguration.from(environment, 1, Duration.ofMillis(7500));

        assertEquals(URI.create("http://127.0.0.1:8081"), configuration.baseUrl(), "a trailing slash is dropped");
        assertEquals(Duration.ofMillis(7500), configuration.commandTimeout());
        assertEquals(Path.of("/opt/chromium"), configuration.chromiumBinary());
        assertEquals(driver, configuration.chromedriver(), "found on the PATH");
        assertEquals(3, configuration.poolSize());
    }

    @Test
    void rejectsUnusableValuesNamingTheVariable() {
        for (var bad :
                Map.of("X_BASE_URL", "ftp://x.com", "BROWSER_POOL_SIZE", "0").entrySet()) {
            var error = assertThrows(
                    InvalidConfigurationException.class,
                    () -> BrowserConfiguration.from(
                            new Environment(Map.of(bad.getKey(), bad.getValue())), 1, Duration.ofSeconds(20)));

            assertEquals(true, error.getMessage().startsWith(bad.getKey()), error.getMessage());
        }
    }
}
