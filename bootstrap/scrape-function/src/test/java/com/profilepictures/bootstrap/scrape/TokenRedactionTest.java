package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.xapi.BearerToken;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import com.profilepictures.bootstrap.sources.SecretsManagerStrings;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The bearer token, fed through every path it can take (the variable, a Secrets Manager secret on moto, a value
 * the service refuses, a scrape X's API refuses, the pause after it), appears in no answer, log line, exception
 * message or settings dump: everything those paths write is collected and searched for it.
 */
class TokenRedactionTest {

    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAvariableTokenQ7x%2Fz";
    private static final String SECRET_TOKEN = "AAAAAAAAAAAAAAAAAAAAAsecretTokenR8y%3Dw";

    @TempDir
    static Path dir;

    private static FixtureSite site;
    private static MotoServer moto;

    private final StringBuilder written = new StringBuilder();

    @BeforeAll
    static void start() {
        site = FixtureSite.start();
        moto = MotoServer.start(dir.resolve("moto.log"));
    }

    @AfterAll
    static void stop() {
        site.close();
        moto.close();
    }

    private Map<String, String> scrapingXsApiAlone() {
        Map<String, String> variables = new HashMap<>();
        variables.put("SCRAPE_SOURCES", "x_api");
        variables.put("X_API_BASE_URL", site.baseUrl().toString());
        variables.put("X_BASE_URL", site.baseUrl().toString());
        variables.put("DYNAMODB_ENDPOINT", moto.endpoint().toString());
        variables.put("SECRETS_MANAGER_ENDPOINT", moto.endpoint().toString());
        return variables;
    }

    /** Runs {@code path}, keeping what it wrote to stdout, stderr and java.util.logging, and what it threw. */
    private void collect(Runnable path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        Logger root = Logger.getLogger("");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (written) {
                    written.append(record.getMessage()).append('\n');
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        root.addHandler(capture);
        try (PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            path.run();
        } catch (RuntimeException thrown) {
            written.append(thrown).append('\n');
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            root.removeHandler(capture);
        }
        written.append(out.toString(StandardCharsets.UTF_8));
    }

    private void scrapeTwice(Map<String, String> variables) {
        ScrapeComponent component = DaggerScrapeComponent.factory().create(new Environment(variables));
        for (int i = 0; i < 2; i++) {
            APIGatewayProxyResponseEvent response = component.handler().handle(scrapeOf("jack"), null);
            written.append(response).append('\n');
            assertEquals(503, response.getStatusCode(), response.getBody());
            assertTrue(response.getBody().contains("credentials_refused"), response.getBody());
        }
        written.append(ScrapeConfiguration.from(new Environment(variables), 1)).append('\n');
    }

    private static APIGatewayProxyRequestEvent scrapeOf(String handle) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/scrape")
                .withResource("/scrape")
                .withBody("{\"handle\": \"" + handle + "\"}");
    }

    private String createSecret(String value) {
        try (SecretsManagerClient client = SecretsManagerStrings.TIMEOUTS
                .applyTo(SecretsManagerClient.builder(), "us-east-1", CredentialsSource.DUMMY)
                .endpointOverride(moto.endpoint())
                .build()) {
            return client.createSecret(request ->
                            request.name("x-api-token-" + System.nanoTime()).secretString(value))
                    .arn();
        }
    }

    @Test
    void givenATokenThroughEveryPath_itIsWrittenNowhere() {
        Map<String, String> fromVariable = scrapingXsApiAlone();
        fromVariable.put("X_API_BEARER_TOKEN", TOKEN);
        Map<String, String> fromSecret = scrapingXsApiAlone();
        fromSecret.put("X_API_BEARER_TOKEN_SECRET_ARN", createSecret(SECRET_TOKEN + "\n"));
        Map<String, String> unusable = scrapingXsApiAlone();
        unusable.put("X_API_BEARER_TOKEN", TOKEN + " " + SECRET_TOKEN);
        Map<String, String> both = new HashMap<>(fromSecret);
        both.put("X_API_BEARER_TOKEN", TOKEN);

        collect(() -> scrapeTwice(fromVariable));
        collect(() -> scrapeTwice(fromSecret));
        collect(() -> ScrapeConfiguration.from(new Environment(unusable), 1));
        collect(() -> ScrapeConfiguration.from(new Environment(both), 1));

        String all = written.toString();
        assertFalse(all.contains(TOKEN), all);
        assertFalse(all.contains(SECRET_TOKEN), all);
        assertTrue(all.contains("x_api paused: HTTP 401"), "the refusal's log line was collected: " + all);
        assertTrue(
                all.contains("X_API_BEARER_TOKEN: The bearer token is not"),
                "the unusable token's error was collected: " + all);
    }

    @Test
    void givenASecretOnSecretsManager_itsTrimmedStringIsTheToken() {
        Map<String, String> variables = scrapingXsApiAlone();
        variables.put("X_API_BEARER_TOKEN_SECRET_ARN", createSecret("  " + SECRET_TOKEN + "\n"));

        var configuration = ScrapeConfiguration.from(new Environment(variables), 1);

        assertEquals(
                BearerToken.of(SECRET_TOKEN), configuration.xApi().orElseThrow().token());
    }

    @Test
    void givenASecretThatDoesNotExist_theFunctionStopsNamingTheVariable() {
        Map<String, String> variables = scrapingXsApiAlone();
        variables.put(
                "X_API_BEARER_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:nothing-AbCdEf");

        var error = assertThrows(
                InvalidConfigurationException.class, () -> ScrapeConfiguration.from(new Environment(variables), 1));

        assertTrue(error.getMessage().startsWith("X_API_BEARER_TOKEN_SECRET_ARN"), error.getMessage());
    }
}
