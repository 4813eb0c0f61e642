package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.xapi.BearerToken;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which sources a scrape asks, and X's API's token from the environment or a secret (read here by a fake). */
class XApiConfigurationTest {

    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAtoken%2Bvalue";
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x-api-token-AbCdEf";

    private final List<String> secretsRead = new ArrayList<>();

    private ScrapeConfiguration configuration(Map<String, String> variables) {
        return ScrapeConfiguration.from(new Environment(variables), 1, arn -> {
            secretsRead.add(arn);
            return TOKEN + "\n";
        });
    }

    private InvalidConfigurationException refused(Map<String, String> variables) {
        return assertThrows(InvalidConfigurationException.class, () -> configuration(variables));
    }

    @Test
    void givenNoToken_theSourcesAreTheCrawlerThenTheBrowser() {
        var configuration = configuration(Map.of());

        assertEquals(List.of(ScrapeSource.CRAWLER, ScrapeSource.BROWSER), configuration.sources());
        assertTrue(configuration.xApi().isEmpty());
    }

    @Test
    void givenAToken_xsApiComesFirstAndTheOthersAfterIt() {
        var configuration = configuration(Map.of("X_API_BEARER_TOKEN", TOKEN));

        assertEquals(List.of(ScrapeSource.X_API, ScrapeSource.CRAWLER, ScrapeSource.BROWSER), configuration.sources());
        XApiSettings xApi = configuration.xApi().orElseThrow();
        assertEquals(URI.create("https://api.x.com"), xApi.baseUrl());
        assertEquals(BearerToken.of(TOKEN), xApi.token());
        assertEquals(Duration.ofSeconds(3), configuration.xApiTimeout());
        assertEquals(List.of(), secretsRead);
    }

    @Test
    void givenTheSecretsArn_theTokenIsItsTrimmedStringReadOnce() {
        var configuration = configuration(Map.of("X_API_BEARER_TOKEN_SECRET_ARN", ARN));

        assertEquals(BearerToken.of(TOKEN), configuration.xApi().orElseThrow().token());
        assertEquals(List.of(ARN), secretsRead);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawler,x_api", "X_API", "x_api, browser", "crawler,browser,x_api"})
    void xsApiMayStandAnywhereInTheOrder(String value) {
        var configuration = configuration(Map.of("SCRAPE_SOURCES", value, "X_API_BEARER_TOKEN", TOKEN));

        assertTrue(
                configuration.sources().contains(ScrapeSource.X_API),
                configuration.sources().toString());
    }

    @Test
    void readsXsApiBaseUrlAndTimeout() {
        var configuration = configuration(Map.of(
                "X_API_BEARER_TOKEN", TOKEN, "X_API_BASE_URL", "http://127.0.0.1:8081/", "X_API_TIMEOUT", "PT1S"));

        assertEquals(
                URI.create("http://127.0.0.1:8081"),
                configuration.xApi().orElseThrow().baseUrl());
        assertEquals(Duration.ofSeconds(1), configuration.xApiTimeout());
    }

    @Test
    void givenXsApiNamedWithoutAToken_theFunctionStopsNamingTheVariables() {
        var error = refused(Map.of("SCRAPE_SOURCES", "x_api,crawler"));

        assertTrue(error.getMessage().startsWith("SCRAPE_SOURCES"), error.getMessage());
        assertTrue(error.getMessage().contains("X_API_BEARER_TOKEN"), error.getMessage());
    }

    @Test
    void givenBothTheTokenAndTheSecret_theFunctionStops() {
        var error = refused(Map.of("X_API_BEARER_TOKEN", TOKEN, "X_API_BEARER_TOKEN_SECRET_ARN", ARN));

        assertTrue(error.getMessage().startsWith("X_API_BEARER_TOKEN and X_API_BEARER_TOKEN_SECRET_ARN"));
        assertFalse(error.getMessage().contains(TOKEN), error.getMessage());
    }

    @Test
    void givenAnUnusableTokenOrArnOrUrlOrShare_theFunctionStopsNamingTheVariableNeverTheToken() {
        var badToken = refused(Map.of("X_API_BEARER_TOKEN", "two words" + TOKEN));
        var badArn = refused(Map.of("X_API_BEARER_TOKEN_SECRET_ARN", "x-api-token"));
        var badUrl = refused(Map.of("X_API_BEARER_TOKEN", TOKEN, "X_API_BASE_URL", "api.x.com"));
        var badShare = refused(Map.of("X_API_BEARER_TOKEN", TOKEN, "X_API_TIMEOUT", "PT20S"));

        assertTrue(badToken.getMessage().startsWith("X_API_BEARER_TOKEN"), badToken.getMessage());
        assertFalse(badToken.getMessage().contains(TOKEN), badToken.getMessage());
        assertTrue(badArn.getMessage().startsWith("X_API_BEARER_TOKEN_SECRET_ARN"), badArn.getMessage());
        assertTrue(badUrl.getMessage().startsWith("X_API_BASE_URL"), badUrl.getMessage());
        assertTrue(badShare.getMessage().startsWith("X_API_TIMEOUT"), badShare.getMessage());
    }

    @Test
    void givenASecretThatCannotBeRead_theFunctionStopsSayingWhy() {
        var error = assertThrows(
                InvalidConfigurationException.class,
                () -> ScrapeConfiguration.from(
                        new Environment(Map.of("X_API_BEARER_TOKEN_SECRET_ARN", ARN)), 1, arn -> {
                            throw new IllegalStateException("AccessDeniedException");
                        }));

        assertTrue(error.getMessage().startsWith("X_API_BEARER_TOKEN_SECRET_ARN"), error.getMessage());
        assertTrue(error.getMessage().contains("secretsmanager:GetSecretValue"), error.getMessage());
    }

    @Test
    void xsApiAloneMayTakeTheWholeScrape() {
        var configuration =
                configuration(Map.of("SCRAPE_SOURCES", "x_api", "X_API_BEARER_TOKEN", TOKEN, "SCRAPE_TIMEOUT", "PT3S"));

        assertEquals(List.of(ScrapeSource.X_API), configuration.sources());
    }

    @Test
    void theConfigurationsDumpShowsNoToken() {
        var configuration = configuration(Map.of("X_API_BEARER_TOKEN", TOKEN));

        assertFalse(configuration.toString().contains(TOKEN), configuration.toString());
        assertTrue(configuration.toString().contains("redacted"), configuration.toString());
    }
}
