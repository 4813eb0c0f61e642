package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.bootstrap.scrape.image.FunctionOutput;
import com.profilepictures.bootstrap.scrape.image.LambdaRuntimeApi;
import com.profilepictures.bootstrap.scrape.image.LambdaRuntimeApi.InitError;
import com.profilepictures.bootstrap.scrape.image.LambdaRuntimeApi.Outcome;
import com.profilepictures.bootstrap.scrape.image.LambdaRuntimeApi.Response;
import com.profilepictures.bootstrap.scrape.image.LambdaSandbox;
import com.profilepictures.bootstrap.scrape.image.ScrapeFunctionTemplate;
import com.profilepictures.bootstrap.scrape.image.ScrapeImage;
import com.profilepictures.bootstrap.scrape.image.ScrapeInvocations;
import com.profilepictures.bootstrap.scrape.image.ScrapeInvocations.ProxyResponse;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;

/**
 * The scrape function's image as it deploys: built from its Dockerfile and context the way {@code sam build}
 * builds it, run the way Lambda runs it ({@link LambdaSandbox}: its own ENTRYPOINT and CMD, an unknown
 * uid:gid, a read-only root filesystem, the template's environment) and invoked through a Lambda Runtime
 * API ({@link LambdaRuntimeApi}) with API Gateway's proxy events, against moto and the fixture X site.
 * A broken Dockerfile line, a library missing from the image, a wrong command, or Chromium refusing to start
 * as an unprivileged user on a read-only filesystem fails here instead of in an AWS account, and so does a log
 * line that does not reach the container's output as one JSON object of its own. One container
 * serves every test, as one Lambda sandbox serves many invocations.
 */
@ExtendWith(SharedDynamoDbServer.class)
class ScrapeImageIT {

    // Generous: two cores shared with the rest of the build; a cold JVM launching Chromium in a container.
    private static final Duration INIT_WAIT = Duration.ofSeconds(120);
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(90);

    // A request's line is written before its answer; the engine's log stream hands it on a moment later.
    private static final Duration LOG_WAIT = Duration.ofSeconds(30);

    private static final FunctionOutput FUNCTION_LOG = new FunctionOutput();
    private static ScrapeFunctionTemplate template;
    private static FixtureSite x;
    private static LambdaRuntimeApi runtimeApi;
    private static GenericContainer<?> function;
    private static DynamoDbProfilePictureRepository table;

    @BeforeAll
    static void buildTheImageAndStartItAsLambdaWould(DynamoDbServer moto) {
        template = ScrapeFunctionTemplate.load();
        String image = ScrapeImage.build(template.dockerContext(), template.dockerfile(), ScrapeImage.NAME);

        String tableName = DynamoDbServer.uniqueTableName("image");
        var client = DynamoDbClients.create(moto.settings(tableName));
        PictureTable.createIfMissing(client, tableName);
        table = new DynamoDbProfilePictureRepository(client, tableName);
        x = FixtureSite.start();
        runtimeApi = LambdaRuntimeApi.start();

        function = LambdaSandbox.of(
                        image,
                        template,
                        runtimeApi,
                        Map.of(
                                "TABLE_NAME",
                                tableName,
                                "X_BASE_URL",
                                x.baseUrl().toString()),
                        // The template's own SCRAPE_TIMEOUT (PT16S) is for Lambda's CPU; a cold Chromium in a container
                        // on two busy shared cores can take longer to start. Whether the budget fits API Gateway is
                        // DeploymentDescriptorsTest's to check and the bench's to measure, not this test's.
                        Map.of("DYNAMODB_ENDPOINT", moto.endpoint().toString(), "SCRAPE_TIMEOUT", "PT60S"))
                .withLogConsumer(FUNCTION_LOG);
        function.start();
        Optional<InitError> initError = runtimeApi.awaitRuntimeReady(INIT_WAIT);
        if (initError.isPresent()) {
            fail("The function did not initialise: " + initError.get() + "\n" + FUNCTION_LOG);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (function != null) {
            function.stop();
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
        if (x != null) {
            x.close();
        }
    }

    @Test
    void theContainerRunsTheImagesOwnCommandWhichIsTheTemplatesHandler() {
        // Lambda passes ImageConfig.Command as the command; this container runs the image's default. They
        // must be the same for this test to stand for Lambda.
        var config = function.getDockerClient()
                .inspectImageCmd(ScrapeImage.NAME)
                .exec()
                .getConfig();

        assertEquals(template.imageCommand(), List.of(config.getCmd()));
    }

    @Test
    void anAccountTheCrawlerReadsIsScrapedAndStoredWithoutABrowser() {
        String handle = "image_jack";
        List<String> browsersBefore = browserFolders();

        ProxyResponse reply = invoke(ScrapeInvocations.scrapeOf(handle));

        assertEquals(200, reply.status(), withLog(reply));
        assertEquals("crawler", reply.body().get("source").getAsString());
        assertEquals(browsersBefore, browserFolders(), "the crawler's scrape launched no browser");
        assertEquals(
                FixtureSite.pictureUrlOf(handle), reply.body().get("profileUrl").getAsString());
        assertEquals(
                FixtureSite.pictureUrlOf(handle),
                table.find(Handle.of(handle)).orElseThrow().url().value());
    }

    @Test
    void anAccountOnlyTheBrowserReadsIsScrapedAndStored() {
        String handle = FixtureSite.APP_ONLY + "_img";

        ProxyResponse reply = invoke(ScrapeInvocations.scrapeOf(handle));

        assertEquals(200, reply.status(), withLog(reply));
        assertEquals("browser", reply.body().get("source").getAsString());
        assertEquals(
                FixtureSite.canonicalSpellingOf(handle),
                reply.body().get("handle").getAsString());
        assertEquals(
                FixtureSite.pictureUrlOf(handle), reply.body().get("profileUrl").getAsString());
        ProfilePicture stored =
                table.find(Handle.of(handle)).orElseThrow(() -> new AssertionError("nothing stored for " + handle));
        assertEquals(FixtureSite.pictureUrlOf(handle), stored.url().value());
    }

    @Test
    void aNonexistentAccountIs404AccountNotFoundAndStoresNothing() {
        ProxyResponse reply = invoke(ScrapeInvocations.scrapeOf(FixtureSite.NONEXISTENT));

        assertEquals(404, reply.status(), withLog(reply));
        assertEquals("account_not_found", reply.error().get("code").getAsString());
        assertTrue(table.find(Handle.of(FixtureSite.NONEXISTENT)).isEmpty(), "nothing stored");
    }

    @Test
    void aBadBodyIs400WithItsRequestId() {
        ProxyResponse notJson = invoke(ScrapeInvocations.event("handle=jack"));
        ProxyResponse badHandle = invoke(ScrapeInvocations.event("{\"handle\": \"@jack\"}"));

        assertEquals(400, notJson.status(), withLog(notJson));
        assertEquals("invalid_json", notJson.error().get("code").getAsString());
        assertEquals(400, badHandle.status(), withLog(badHandle));
        assertEquals("invalid_handle", badHandle.error().get("code").getAsString());
        assertEquals(
                notJson.headers().get("X-Request-Id").getAsString(),
                notJson.error().get("requestId").getAsString());
    }

    @Test
    void aRequestsLineReachesTheOutputAsOneJsonObjectWithItsOwnFieldsAtTheTop() throws InterruptedException {
        ProxyResponse reply = invoke(ScrapeInvocations.event("handle=jack"));
        String requestId = reply.headers().get("X-Request-Id").getAsString();

        // What Lambda's log capture reads from the container: whole lines, each one CloudWatch event. Under
        // LogFormat JSON a line that is one JSON object is one structured event whose fields Logs Insights and
        // metric filters reach; a line the runtime wrapped would hold the request's fields in a string instead.
        Optional<JsonObject> line =
                FUNCTION_LOG.awaitJsonLine(json -> requestId.equals(text(json, "requestId")), LOG_WAIT);

        assertTrue(
                line.isPresent(),
                "no line of its own for request " + requestId + " (log format " + template.logFormat()
                        + ") in the function's output:\n" + FUNCTION_LOG);
        JsonObject request = line.get();
        assertEquals(400, request.get("status").getAsInt(), request.toString());
        assertEquals("/scrape", text(request, "route"), request.toString());
        assertEquals("invalid_json", text(request, "code"), request.toString());
        assertEquals("INFO", text(request, "level"), request.toString());
        assertTrue(request.has("durationMs"), request.toString());
        Instant.parse(text(request, "timestamp"));
        assertTrue(!request.has("message") && !request.has("AWSRequestId"), "not wrapped by the runtime: " + request);
    }

    @Test
    void aSecondBrowserInvocationReusesTheWarmBrowser() {
        ProxyResponse first = invoke(ScrapeInvocations.scrapeOf(FixtureSite.APP_ONLY + "_a"));
        List<String> browsersAfterFirst = browserFolders();
        ProxyResponse second = invoke(ScrapeInvocations.scrapeOf(FixtureSite.APP_ONLY + "_b"));
        List<String> browsersAfterSecond = browserFolders();

        assertEquals(200, first.status(), withLog(first));
        assertEquals("browser", first.body().get("source").getAsString());
        assertEquals(200, second.status(), withLog(second));
        assertEquals("browser", second.body().get("source").getAsString());
        // Each browser launch makes its own profile folder under /tmp (named after the JVM's pid), and a
        // replaced browser's folder is deleted: the same single folder means one launch served both.
        assertEquals(1, browsersAfterFirst.size(), "one browser (BROWSER_POOL_SIZE 1): " + browsersAfterFirst);
        assertEquals(browsersAfterFirst, browsersAfterSecond, "the second scrape launched no browser of its own");
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private static String text(JsonObject json, String field) {
        return json.has(field) && json.get(field).isJsonPrimitive()
                ? json.get(field).getAsString()
                : null;
    }

    /** The response and the function's own log, which says why a scrape failed. */
    private static String withLog(ProxyResponse reply) {
        return reply.raw() + "\nThe function's log:\n" + FUNCTION_LOG;
    }

    private static ProxyResponse invoke(String event) {
        Outcome outcome = runtimeApi.invokeAndWait(event, Duration.ofSeconds(template.timeoutSeconds()), ANSWER_WAIT);
        if (outcome instanceof Response response) {
            return ProxyResponse.parse(response.body());
        }
        throw new AssertionError("The function did not return a response: " + outcome + "\n" + FUNCTION_LOG);
    }

    // The browsers' profile folders in the function's /tmp, read through the engine's archive API: no
    // process runs in the function's container for it (an exec would, and its monitor outlives the test).
    private static List<String> browserFolders() {
        List<String> folders = new ArrayList<>();
        try (InputStream archive = function.getDockerClient()
                        .copyArchiveFromContainerCmd(function.getContainerId(), "/tmp")
                        .exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String[] path = entry.getName().split("/");
                if (entry.isDirectory() && path.length == 2 && path[1].startsWith("chromium-")) {
                    folders.add(path[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the function's /tmp", e);
        }
        Collections.sort(folders);
        return folders;
    }
}
