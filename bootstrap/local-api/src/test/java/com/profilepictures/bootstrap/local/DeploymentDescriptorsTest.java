package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.HistoryItem;
import com.profilepictures.adapters.lambda.testing.ContractErrorTable;
import com.profilepictures.adapters.picturehost.HttpPictureHost;
import com.profilepictures.adapters.s3.S3Clients;
import com.profilepictures.adapters.s3.S3PictureArchive;
import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.local.SamTemplate.Route;
import com.profilepictures.bootstrap.scrape.ScrapeConfiguration;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps template.yaml, the scrape function's Dockerfile and openapi.yaml true to the code and to
 * the contract (docs/API.md): wrong names there only show up at deploy time otherwise. Runs in the
 * reactor's verify after read-functions and scrape-function are packaged, so the artifacts the
 * descriptors name exist by then.
 */
final class DeploymentDescriptorsTest {

    /** API Gateway's integration timeout: a function that takes longer never answers the client. */
    private static final long API_GATEWAY_LIMIT_SECONDS = 29;

    /** A gateway response body in the contract's error shape, exactly as the template must write it. */
    private static final Pattern GATEWAY_ERROR_BODY = Pattern.compile(
            "\\{\"error\":\\{\"code\":\"([a-z_]+)\",\"message\":\"[^\"\\\\]+\",\"requestId\":\"\\$context\\.requestId\"}}");

    /** The project's own contract; its error table is the one every other list of codes must match. */
    private static final String CONTRACT = ContractErrorTable.CONTRACT;

    private static Path root;
    private static SamTemplate template;

    @BeforeAll
    static void loadTheTemplate() {
        root = RepositoryRoot.path();
        template = SamTemplate.load(root.resolve("template.yaml"));
    }

    @Test
    void theTemplateRoutesExactlyTheContractsRoutes() {
        Set<String> routes = template.routes().stream()
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(
                new TreeSet<>(Set.of(
                        "POST /scrape",
                        "GET /user/{handle}/profile_pic",
                        "GET /users",
                        "GET /user/{handle}/profile_pic/image",
                        "GET /user/{handle}/history",
                        "GET /")),
                routes);
        assertTrue(
                template.routes().stream()
                        .anyMatch(route -> route.path().equals("/")
                                && route.functionId().equals("GalleryFunction")
                                && route.entryClass().equals("com.profilepictures.bootstrap.read.GalleryFunction")),
                "GalleryFunction serves GET /");
    }

    @Test
    void eachRouteIsServedByTheFunctionOfItsOwnName() {
        Map<String, String> entryClassByRoute = new TreeMap<>();
        template.routes()
                .forEach(route -> entryClassByRoute.put(route.method() + " " + route.path(), route.entryClass()));
        Set<String> functions = template.resources("AWS::Serverless::Function").keySet();

        assertEquals(
                "com.profilepictures.bootstrap.read.GetArchivedImageFunction",
                entryClassByRoute.get("GET /user/{handle}/profile_pic/image"));
        assertEquals(
                "com.profilepictures.bootstrap.read.GetPictureHistoryFunction",
                entryClassByRoute.get("GET /user/{handle}/history"));
        assertTrue(
                functions.containsAll(
                        Set.of("GetArchivedImageFunction", "GetPictureHistoryFunction", "ArchivePictureFunction")),
                "functions: " + functions);
        template.routes().forEach(route -> assertTrue(functions.contains(route.functionId()), route + "'s function"));
    }

    @Test
    void everyFunctionsEntryClassIsALambdaRequestHandlerOnTheClasspath() {
        ClassLoader loader = getClass().getClassLoader();
        List<Route> entries = new ArrayList<>(template.routes());
        // The stream's consumer, the refresh's planner and workers serve no route; their entry classes are
        // checked all the same.
        Set<String> routed = template.routes().stream().map(Route::functionId).collect(Collectors.toSet());
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            if (!routed.contains(id)) {
                String[] handler = entryOf(function).split("::", 2);
                entries.add(new Route(id, "-", "-", handler[0], handler.length == 2 ? handler[1] : "handleRequest"));
            }
        });
        assertTrue(
                entries.stream()
                        .map(Route::functionId)
                        .collect(Collectors.toSet())
                        .containsAll(Set.of(
                                "ArchivePictureFunction",
                                "ArchiveSweepFunction",
                                "RefreshPlannerFunction",
                                "RefreshWorkerFunction",
                                "RefreshBrowserFunction")),
                "entries: " + entries);

        for (Route route : entries) {
            Class<?> entry;
            try {
                // Not initialised: an entry class may build its component in a static initialiser.
                entry = Class.forName(route.entryClass(), false, loader);
            } catch (ClassNotFoundException e) {
                fail(route.functionId() + " names " + route.entryClass() + ", which is not on the classpath");
                return;
            }

            assertTrue(
                    RequestHandler.class.isAssignableFrom(entry),
                    route.entryClass() + " must implement " + RequestHandler.class.getName());
            assertTrue(
                    Modifier.isPublic(entry.getModifiers()) && !Modifier.isAbstract(entry.getModifiers()),
                    route.entryClass() + " must be a public concrete class: Lambda instantiates it");
            assertTrue(
                    Arrays.stream(entry.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
                    route.entryClass() + " needs a public no-argument constructor: Lambda calls it");
            assertTrue(
                    Arrays.stream(entry.getMethods()).map(Method::getName).anyMatch(route.entryMethod()::equals),
                    route.entryClass() + " has no public method " + route.entryMethod());
        }
    }

    @Test
    void theZipFunctionsShipTheJarMavenBuildsAndSamDoesNotRebuildIt() {
        Map<String, Map<String, Object>> zipFunctions =
                new LinkedHashMap<>(template.resources("AWS::Serverless::Function"));
        zipFunctions
                .values()
                .removeIf(function -> "Image".equals(properties(function).get("PackageType")));
        assertFalse(zipFunctions.isEmpty(), "the read functions are zip functions");

        zipFunctions.forEach((id, function) -> {
            String codeUri = String.valueOf(functionProperty(function, "CodeUri"));
            assertTrue(codeUri.endsWith(".jar"), id + "'s CodeUri should be the shaded jar, not " + codeUri);
            // sam build skips only .zip paths by itself; on a .jar path it would run Maven inside it and fail.
            assertEquals(
                    Boolean.TRUE,
                    map(function.get("Metadata")).get("SkipBuild"),
                    id + " needs Metadata SkipBuild: true so that sam build takes the jar as built");

            Path jar = root.resolve(codeUri).normalize();
            assertTrue(hasPackagedJars(jar.getParent()), "not packaged yet (run ./mvnw verify): " + jar.getParent());
            assertTrue(Files.isRegularFile(jar), id + "'s CodeUri names " + jar + ", which the build did not produce");
        });
    }

    @Test
    void theZipFunctionsRunOnJava25AndTheReadOnesWithSnapStartAndAnUncappedJit() {
        Set<String> readFunctions =
                template.routes().stream().map(Route::functionId).collect(Collectors.toSet());
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            if ("Image".equals(properties(function).get("PackageType"))) {
                return;
            }
            assertEquals("java25", functionProperty(function, "Runtime"), id + "'s Runtime");
            if (!readFunctions.contains(id)) {
                // The stream's consumer: nobody waits on its cold start.
                return;
            }
            assertEquals(
                    Map.of("ApplyOn", "PublishedVersions"), properties(function).get("SnapStart"), id + "'s SnapStart");
            assertNotNull(
                    properties(function).get("AutoPublishAlias"),
                    id + " needs an alias: SnapStart applies to published versions");
            // What priming compiles before the snapshot should not be held back at C1.
            assertFalse(
                    String.valueOf(environment(function).get("JAVA_TOOL_OPTIONS"))
                            .contains("TieredStopAtLevel"),
                    id + " caps the JIT that java25 leaves uncapped for SnapStart");
        });
    }

    @Test
    void everyPathTheDockerfileCopiesExistsInItsContext() {
        Map<String, Object> metadata = map(scrapeFunction().get("Metadata"));
        Path context =
                root.resolve(String.valueOf(metadata.get("DockerContext"))).normalize();
        Path dockerfile = context.resolve(String.valueOf(metadata.getOrDefault("Dockerfile", "Dockerfile")));
        assertTrue(Files.isRegularFile(dockerfile), "no Dockerfile at " + dockerfile);

        List<String> sources = new ArrayList<>();
        for (String instruction : instructions(dockerfile)) {
            sources.addAll(copySources(instruction));
        }

        assertFalse(sources.isEmpty(), "the Dockerfile copies nothing from its context");
        assertTrue(hasPackagedJars(context.resolve("target")), "not packaged yet (run ./mvnw verify): " + context);
        for (String source : sources) {
            assertTrue(existsIn(context, source), "the Dockerfile copies " + source + ", which is not in " + context);
        }
    }

    @Test
    void theImageStartsTheRuntimeClientAndDefaultsToTheTemplatesHandler() {
        Path dockerfile = root.resolve(
                        String.valueOf(map(scrapeFunction().get("Metadata")).get("DockerContext")))
                .resolve(
                        String.valueOf(map(scrapeFunction().get("Metadata")).getOrDefault("Dockerfile", "Dockerfile")));
        List<String> instructions = instructions(dockerfile);
        List<String> entrypoint = execForm(last(instructions, "ENTRYPOINT"));
        List<String> command = execForm(last(instructions, "CMD"));
        List<?> templateCommand =
                (List<?>) map(properties(scrapeFunction()).get("ImageConfig")).get("Command");

        String mainClass = mainClass(entrypoint);
        try {
            Class.forName(mainClass, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            fail("the image's ENTRYPOINT starts " + mainClass
                    + ", which is not among the scrape function's dependencies");
        }
        assertEquals(templateCommand, command, "the image's default CMD should be the template's ImageConfig.Command");
    }

    @Test
    void theScrapeFunctionOutlastsItsScrapeTimeoutAndAnswersWithinApiGatewaysLimit() {
        Map<String, Object> scrape = scrapeFunction();
        Duration scrapeTimeout =
                Duration.parse(String.valueOf(environment(scrape).get("SCRAPE_TIMEOUT")));
        Object timeout = functionProperty(scrape, "Timeout");

        assertNotNull(timeout, "the scrape function needs a Timeout: Lambda's default of 3 s is far too short");
        long timeoutSeconds = ((Number) timeout).longValue();
        // The longest request: a verdict at the very end of the scrape, then a save to a DynamoDB that does
        // not answer. The function must still answer that itself (503), not be cut off by Lambda (502).
        Duration longestRequest = scrapeTimeout
                .plus(SeleniumProfilePictureScraper.MAX_VERDICT_DELAY)
                .plus(DynamoDbClients.API_CALL_TIMEOUT);
        assertTrue(
                Duration.ofSeconds(timeoutSeconds).compareTo(longestRequest) > 0,
                "Timeout " + timeoutSeconds + " s must exceed the longest request, " + longestRequest
                        + " (SCRAPE_TIMEOUT " + scrapeTimeout + ", the scraper's margins, DynamoDB's call timeout)");
        assertTrue(
                timeoutSeconds < API_GATEWAY_LIMIT_SECONDS,
                "Timeout " + timeoutSeconds + " s must stay under API Gateway's " + API_GATEWAY_LIMIT_SECONDS + " s");
    }

    @Test
    void thePictureTableIsKeyedByHandleKeyAndStreamsNewAndOldImages() {
        Map<String, Object> table = properties(resource("AWS::DynamoDB::Table", PICTURE_TABLE));

        assertEquals(List.of(Map.of("AttributeName", "handle_key", "KeyType", "HASH")), list(table.get("KeySchema")));
        assertEquals(
                List.of(Map.of("AttributeName", "handle_key", "AttributeType", "S")),
                list(table.get("AttributeDefinitions")),
                "handle_key is a string attribute, and the only one a key or index needs");
        // The archive tells a scrape's write from its own by comparing the old and new images.
        assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), table.get("StreamSpecification"));
    }

    @Test
    void theHistoryTableHasTheKeysAndIndexesTheAdapterQueries() {
        Map<String, Object> table = properties(resource("AWS::DynamoDB::Table", HISTORY_TABLE));

        assertEquals(
                List.of(
                        Map.of("AttributeName", "handle_key", "KeyType", "HASH"),
                        Map.of("AttributeName", "profile_url", "KeyType", "RANGE")),
                list(table.get("KeySchema")));
        assertEquals(
                Set.of(
                        Map.of("AttributeName", "handle_key", "AttributeType", "S"),
                        Map.of("AttributeName", "profile_url", "AttributeType", "S"),
                        Map.of("AttributeName", "first_seen_at", "AttributeType", "N"),
                        Map.of("AttributeName", "image_version", "AttributeType", "S")),
                Set.copyOf(list(table.get("AttributeDefinitions"))));
        Map<String, Object> indexes = new TreeMap<>();
        list(table.get("LocalSecondaryIndexes"))
                .forEach(index -> indexes.put(String.valueOf(index.get("IndexName")), index));
        assertEquals(new TreeSet<>(Set.of(HistoryItem.BY_FIRST_SEEN, HistoryItem.BY_IMAGE_VERSION)), indexes.keySet());
        Map<String, String> rangeKeys =
                Map.of(HistoryItem.BY_FIRST_SEEN, "first_seen_at", HistoryItem.BY_IMAGE_VERSION, "image_version");
        rangeKeys.forEach((name, rangeKey) -> {
            Map<String, Object> index = map(indexes.get(name));
            assertEquals(
                    List.of(
                            Map.of("AttributeName", "handle_key", "KeyType", "HASH"),
                            Map.of("AttributeName", rangeKey, "KeyType", "RANGE")),
                    list(index.get("KeySchema")),
                    name);
            assertEquals(
                    Map.of("ProjectionType", "ALL"),
                    index.get("Projection"),
                    name + " projects every attribute a page shows");
        });
    }

    @Test
    void theStateOutlivesTheStackTablesAndBucketAlike() {
        for (Map<String, Object> stateful : List.of(
                resource("AWS::DynamoDB::Table", PICTURE_TABLE),
                resource("AWS::DynamoDB::Table", HISTORY_TABLE),
                resource("AWS::S3::Bucket", BUCKET))) {
            assertEquals("Retain", stateful.get("DeletionPolicy"), String.valueOf(stateful));
            assertEquals("Retain", stateful.get("UpdateReplacePolicy"), String.valueOf(stateful));
        }
        template.resources("AWS::DynamoDB::Table").forEach((id, table) -> {
            assertEquals("PAY_PER_REQUEST", properties(table).get("BillingMode"), id);
            assertEquals(
                    Map.of("PointInTimeRecoveryEnabled", true),
                    properties(table).get("PointInTimeRecoverySpecification"),
                    id);
        });
    }

    @Test
    void theBucketIsPrivateEncryptedAndRefusesPlainHttp() {
        Map<String, Object> bucket = properties(resource("AWS::S3::Bucket", BUCKET));
        assertEquals(
                Map.of(
                        "BlockPublicAcls",
                        true,
                        "BlockPublicPolicy",
                        true,
                        "IgnorePublicAcls",
                        true,
                        "RestrictPublicBuckets",
                        true),
                bucket.get("PublicAccessBlockConfiguration"));
        List<Map<String, Object>> encryption =
                list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
        assertFalse(encryption.isEmpty(), "the bucket encrypts at rest");
        assertNotNull(
                map(encryption.get(0).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"));

        List<Map<String, Object>> denials = new ArrayList<>();
        template.resources("AWS::S3::BucketPolicy").values().stream()
                .filter(policy -> BUCKET.equals(properties(policy).get("Bucket")))
                .forEach(policy -> denials.addAll(
                        list(map(properties(policy).get("PolicyDocument")).get("Statement"))));
        denials.removeIf(statement -> !"Deny".equals(statement.get("Effect")));
        assertTrue(
                denials.stream()
                        .anyMatch(statement -> "*".equals(statement.get("Principal"))
                                && "s3:*".equals(statement.get("Action"))
                                && Map.of("aws:SecureTransport", "false")
                                        .equals(map(
                                                map(statement.get("Condition")).get("Bool")))),
                "a policy denies every request without TLS: " + denials);
    }

    @Test
    void eachFunctionIsToldTheNamesOfExactlyTheStoresItUses() {
        Map<String, Set<String>> stores = Map.of(
                "GetArchivedImageFunction", Set.of("HISTORY_TABLE_NAME", "PICTURE_BUCKET"),
                "GetPictureHistoryFunction", Set.of("HISTORY_TABLE_NAME"),
                "ArchivePictureFunction", Set.of("HISTORY_TABLE_NAME", "PICTURE_BUCKET"),
                "ArchiveSweepFunction", Set.of("HISTORY_TABLE_NAME", "PICTURE_BUCKET"),
                // Not to read it: its page's policy names the bucket's origin, where images come from.
                "GalleryFunction", Set.of("PICTURE_BUCKET"));
        Map<String, String> resourceOf =
                Map.of("TABLE_NAME", PICTURE_TABLE, "HISTORY_TABLE_NAME", HISTORY_TABLE, "PICTURE_BUCKET", BUCKET);

        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> environment = environment(function);
            // !Ref reads as its argument: the resource's logical id.
            assertEquals(PICTURE_TABLE, environment.get("TABLE_NAME"), id + "'s TABLE_NAME");
            Set<String> told = new TreeSet<>(environment.keySet());
            told.retainAll(Set.of("HISTORY_TABLE_NAME", "PICTURE_BUCKET"));
            assertEquals(
                    new TreeSet<>(stores.getOrDefault(id, Set.of())),
                    told,
                    id + " is told of the archive's stores it uses, no others");
            told.forEach(variable ->
                    assertEquals(resourceOf.get(variable), environment.get(variable), id + "'s " + variable));
        });
    }

    @Test
    void theArchiveFunctionFollowsThePictureTablesStreamWithBoundedRetriesAndPartialBatches() throws Exception {
        Map<String, Object> events = map(properties(archiveFunction()).get("Events"));
        Map<String, Object> stream = map(events.get("PictureStream"));
        Map<String, Object> source = map(stream.get("Properties"));

        assertEquals("DynamoDB", stream.get("Type"));
        assertEquals(PICTURE_TABLE + ".StreamArn", source.get("Stream"));
        assertEquals("TRIM_HORIZON", source.get("StartingPosition"));
        assertEquals(10, source.get("BatchSize"));
        assertEquals(3, source.get("MaximumRetryAttempts"));
        assertEquals(true, source.get("BisectBatchOnFunctionError"));
        assertEquals(
                List.of("ReportBatchItemFailures"),
                source.get("FunctionResponseTypes"),
                "the handler answers the records to deliver again, so the template must ask Lambda to read that answer");
        // ...which only a handler of stream events that answers a StreamsEventResponse can give.
        Class<?> entry = Class.forName(
                String.valueOf(properties(archiveFunction()).get("Handler")).split("::")[0]);
        assertHandles(entry, DynamodbEvent.class, StreamsEventResponse.class);
    }

    @Test
    void theArchiveFunctionOutlastsOneRecordWhoseEveryCallRunsToItsTimeout() {
        long timeoutSeconds = ((Number) functionProperty(archiveFunction(), "Timeout")).longValue();
        // Record the sighting, mark the entry and the item (DynamoDB), download (X's host), upload (S3).
        Duration slowestRecord = DynamoDbClients.API_CALL_TIMEOUT
                .multipliedBy(3)
                .plus(HttpPictureHost.DOWNLOAD_TIMEOUT)
                .plus(S3Clients.API_CALL_TIMEOUT);

        assertTrue(
                Duration.ofSeconds(timeoutSeconds).compareTo(slowestRecord.multipliedBy(2)) > 0,
                "Timeout " + timeoutSeconds + " s should hold at least two records at their slowest, " + slowestRecord
                        + " each");
    }

    @Test
    void theSweepsReaderOutlastsABatchWhoseEveryRecordRunsToItsTimeouts() {
        long timeoutSeconds = ((Number)
                        functionProperty(resource("AWS::Serverless::Function", "ArchiveSweepFunction"), "Timeout"))
                .longValue();
        long batchSize = ((Number) properties(resource("AWS::Lambda::EventSourceMapping", "ArchiveSweepMapping"))
                        .get("BatchSize"))
                .longValue();
        Duration slowestPicture = DynamoDbClients.API_CALL_TIMEOUT
                .multipliedBy(3)
                .plus(HttpPictureHost.DOWNLOAD_TIMEOUT)
                .plus(S3Clients.API_CALL_TIMEOUT);

        assertTrue(
                Duration.ofSeconds(timeoutSeconds).compareTo(slowestPicture.multipliedBy(batchSize)) > 0,
                "Timeout " + timeoutSeconds + " s against " + batchSize + " pictures of " + slowestPicture + " each");
    }

    @Test
    void thePoliciesGrantEachFunctionOnlyWhatItsAdaptersCall() {
        assertEquals(
                Map.of(
                        "dynamodb:UpdateItem",
                        Set.of(PICTURE_TABLE + ".Arn", HISTORY_TABLE + ".Arn"),
                        "dynamodb:GetItem",
                        Set.of(HISTORY_TABLE + ".Arn"),
                        "s3:PutObject",
                        Set.of("${" + BUCKET + ".Arn}/" + S3PictureArchive.KEY_PREFIX + "*")),
                grants("ArchivePictureFunction"));
        // The sweep's reader archives as the stream's does, and reads its own queue.
        Map<String, Set<String>> sweep = new TreeMap<>(Map.of(
                "dynamodb:UpdateItem",
                Set.of(PICTURE_TABLE + ".Arn", HISTORY_TABLE + ".Arn"),
                "dynamodb:GetItem",
                Set.of(HISTORY_TABLE + ".Arn"),
                "s3:PutObject",
                Set.of("${" + BUCKET + ".Arn}/" + S3PictureArchive.KEY_PREFIX + "*")));
        for (String action : List.of(
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes")) {
            sweep.put(action, Set.of("ArchiveQueue.Arn"));
        }
        assertEquals(sweep, grants("ArchiveSweepFunction"));
        assertEquals(
                Map.of(
                        "dynamodb:GetItem",
                        Set.of(PICTURE_TABLE + ".Arn"),
                        "dynamodb:Query",
                        Set.of("${" + HISTORY_TABLE + ".Arn}/index/*"),
                        "s3:GetObject",
                        Set.of("${" + BUCKET + ".Arn}/" + S3PictureArchive.KEY_PREFIX + "*")),
                grants("GetArchivedImageFunction"));
        assertEquals(
                Map.of(
                        "dynamodb:GetItem",
                        Set.of(PICTURE_TABLE + ".Arn"),
                        "dynamodb:Query",
                        Set.of("${" + HISTORY_TABLE + ".Arn}/index/" + HistoryItem.BY_FIRST_SEEN)),
                grants("GetPictureHistoryFunction"));
        // The scrape's save is a conditional UpdateItem of its own fields (a put would erase the archive's mark).
        assertEquals(
                Map.of(
                        "dynamodb:GetItem",
                        Set.of(PICTURE_TABLE + ".Arn"),
                        "dynamodb:UpdateItem",
                        Set.of(PICTURE_TABLE + ".Arn")),
                grants(template.routes().stream()
                        .filter(route -> route.path().equals("/scrape"))
                        .findFirst()
                        .orElseThrow()
                        .functionId()));
    }

    @Test
    void theScrapeFunctionMayReadTheXApiTokensSecretOnlyWhenOneIsNamed() {
        Map<String, Object> scrape = scrapeFunction();
        String id = template.routes().stream()
                .filter(route -> route.path().equals("/scrape"))
                .findFirst()
                .orElseThrow()
                .functionId();
        Map<String, Object> parameters = map(template.document().get("Parameters"));
        Map<String, Object> secretArn = map(parameters.get("XApiBearerTokenSecretArn"));
        Map<String, Object> sources = map(parameters.get("ScrapeSources"));

        assertEquals(
                Map.of("HasXApiToken", Map.of("secretsmanager:GetSecretValue", Set.of("XApiBearerTokenSecretArn"))),
                conditionalGrants(id));
        // !Not [!Equals [!Ref XApiBearerTokenSecretArn, '']] reads as nested lists around the parameter's name (the
        // loader drops the tags; cfn-lint checks the functions themselves).
        assertEquals(
                List.of(List.of("XApiBearerTokenSecretArn", "")),
                map(template.document().get("Conditions")).get("HasXApiToken"));
        assertEquals("", secretArn.get("Default"), "no token unless the operator names one");
        assertEquals("XApiBearerTokenSecretArn", environment(scrape).get("X_API_BEARER_TOKEN_SECRET_ARN"));
        assertEquals("", sources.get("Default"), "empty SCRAPE_SOURCES: every source that is configured");
        assertEquals("ScrapeSources", environment(scrape).get("SCRAPE_SOURCES"));
        Pattern arn = Pattern.compile(String.valueOf(secretArn.get("AllowedPattern")));
        assertTrue(arn.matcher("").matches());
        assertTrue(arn.matcher("arn:aws:secretsmanager:us-east-1:123456789012:secret:x-api-token-AbCdEf")
                .matches());
        Pattern order = Pattern.compile(String.valueOf(sources.get("AllowedPattern")));
        for (String value : List.of("", "x_api,crawler,browser", "crawler,x_api", "crawler,browser", "browser")) {
            assertTrue(order.matcher(value).matches(), value);
        }
        assertFalse(order.matcher("chrome").matches());
    }

    @Test
    void theTemplatesScrapeSettingsStartTheFunctionWithATokenAndWithout() {
        Map<String, String> variables = new HashMap<>();
        environment(scrapeFunction()).forEach((name, value) -> variables.put(name, String.valueOf(value)));
        // Parameters' defaults, as a deploy without overrides passes them: empty means unset.
        variables.put("SCRAPE_SOURCES", "");
        variables.put("X_API_BEARER_TOKEN_SECRET_ARN", "");
        variables.put("CRAWLER_USER_AGENT", "");
        variables.put("X_BASE_URL", "https://x.com");

        var withoutToken = ScrapeConfiguration.from(new Environment(variables), 1);
        variables.put("X_API_BEARER_TOKEN", "a-token-for-this-test-only");
        var withToken = ScrapeConfiguration.from(new Environment(variables), 1);

        assertEquals(List.of(ScrapeSource.CRAWLER, ScrapeSource.BROWSER), withoutToken.sources());
        assertEquals(List.of(ScrapeSource.X_API, ScrapeSource.CRAWLER, ScrapeSource.BROWSER), withToken.sources());
    }

    @Test
    void aPageOfAHundredImagesFitsTheImageRoutesBurst() {
        Map<String, Object> api =
                template.resources("AWS::Serverless::Api").values().iterator().next();
        Map<String, Object> setting = list(properties(api).get("MethodSettings")).stream()
                .filter(candidate -> "/~1user~1{handle}~1profile_pic~1image".equals(candidate.get("ResourcePath"))
                        && "GET".equals(candidate.get("HttpMethod")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the image route has no method settings of its own"));

        assertTrue(
                parameterDefault(setting.get("ThrottlingBurstLimit")) >= 100,
                "burst " + setting.get("ThrottlingBurstLimit"));
        assertTrue(
                parameterDefault(setting.get("ThrottlingRateLimit")) >= 25,
                "rate " + setting.get("ThrottlingRateLimit"));
    }

    @Test
    void theOpenApiErrorCodesAreExactlyTheContractsCodes() {
        Set<String> contractCodes =
                ContractErrorTable.read(root.resolve(CONTRACT)).keySet();
        Set<String> openApiCodes = openApiErrorCodes();

        assertFalse(contractCodes.isEmpty(), "found no error codes in docs/API.md's table");
        assertEquals(contractCodes, openApiCodes, "openapi.yaml's Error code enum against docs/API.md's error table");
    }

    @Test
    void theRepositoryStandsAloneItsDocsPointAtNothingOutsideIt() throws IOException {
        // A user who clones the repository has no team folder beside it: the contract, the style and
        // the description of X's pages live here.
        String teamFolder = "shared";
        Pattern outside = Pattern.compile("\\.\\./" + teamFolder + "|" + teamFolder + "/docs");
        Set<String> textFiles = Set.of("md", "java", "yaml", "yml", "xml", "sh", "js", "html", "toml", "properties");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(path ->
                            root.relativize(path).toString().split("/")[0].matches("[^.].*"))
                    .filter(path -> !root.relativize(path).toString().matches("(.*/)?target/.*"))
                    .filter(Files::isRegularFile)
                    .filter(path -> textFiles.contains(extension(path)) || path.endsWith("Makefile"))
                    .filter(path -> !path.endsWith("DeploymentDescriptorsTest.java"))
                    .filter(path -> outside.matcher(read(path)).find())
                    .map(path -> root.relativize(path).toString())
                    .toList();
        }

        assertEquals(List.of(), offenders, "files that point outside the repository");
    }

    @Test
    void everyGatewayResponseIsAContractErrorWithARequestId() {
        Map<String, Object> api =
                template.resources("AWS::Serverless::Api").values().iterator().next();
        Map<String, Object> gatewayResponses = map(properties(api).get("GatewayResponses"));
        Set<String> codes = openApiErrorCodes();
        Map<String, Integer> statuses = ContractErrorTable.read(root.resolve(CONTRACT));
        assertTrue(
                gatewayResponses
                        .keySet()
                        .containsAll(Set.of(
                                "MISSING_AUTHENTICATION_TOKEN",
                                "RESOURCE_NOT_FOUND",
                                "THROTTLED",
                                "REQUEST_TOO_LARGE",
                                "DEFAULT_4XX",
                                "DEFAULT_5XX")),
                "gateway responses: " + gatewayResponses.keySet());

        gatewayResponses.forEach((type, value) -> {
            Map<String, Object> response = map(value);
            String body = String.valueOf(map(response.get("ResponseTemplates")).get("application/json"));
            Matcher matcher = GATEWAY_ERROR_BODY.matcher(body);
            assertTrue(matcher.matches(), type + "'s body is not the contract's error shape: " + body);
            assertTrue(
                    codes.contains(matcher.group(1)),
                    type + " answers code " + matcher.group(1) + ", not in the contract");
            assertEquals(
                    String.valueOf(statuses.get(matcher.group(1))),
                    String.valueOf(response.get("StatusCode")),
                    type + " answers " + matcher.group(1) + " with the status the contract gives it");
            Map<String, Object> headers =
                    map(map(response.get("ResponseParameters")).get("Headers"));
            assertEquals("'application/json'", headers.get("Content-Type"), type + "'s Content-Type");
            assertEquals("context.requestId", headers.get("X-Request-Id"), type + "'s X-Request-Id");
        });
    }

    // --- the refresh (docs/refresh.md) --------------------------------------------------------------

    /** Lambda's advice for an SQS mapping: a queue hides a received batch for six times its reader's timeout. */
    private static final long VISIBILITY_PER_TIMEOUT = 6;

    @Test
    void theRefreshRunsOnItsScheduleAndQueuesAccountsDueAfterRefreshAfter() {
        Map<String, Object> parameters = map(template.document().get("Parameters"));
        Map<String, Object> planner = resource("AWS::Serverless::Function", "RefreshPlannerFunction");
        Map<String, Object> schedule =
                map(map(properties(planner).get("Events")).get("RefreshSchedule"));
        Map<String, Object> refreshAfter = map(parameters.get("RefreshAfter"));
        Pattern duration = Pattern.compile(String.valueOf(refreshAfter.get("AllowedPattern")));

        assertEquals("rate(1 hour)", map(parameters.get("RefreshSchedule")).get("Default"));
        assertEquals("ScheduleV2", schedule.get("Type"));
        assertEquals("RefreshSchedule", map(schedule.get("Properties")).get("ScheduleExpression"));
        assertEquals("P1D", refreshAfter.get("Default"));
        assertEquals("RefreshAfter", environment(planner).get("REFRESH_AFTER"));
        assertEquals("RefreshQueue", environment(planner).get("REFRESH_QUEUE_URL"));
        // The sweep, on the same pass: ArchiveGrace after a scrape, onto the archive's own queue.
        assertEquals("ArchiveGrace", environment(planner).get("ARCHIVE_GRACE"));
        assertEquals("ArchiveQueue", environment(planner).get("ARCHIVE_QUEUE_URL"));
        assertEquals("PT15M", map(parameters.get("ArchiveGrace")).get("Default"));
        assertEquals(
                refreshAfter.get("AllowedPattern"),
                map(parameters.get("ArchiveGrace")).get("AllowedPattern"));
        for (String value : List.of("P1D", "PT12H", "PT2S", "P1DT6H", "PT90M")) {
            assertTrue(duration.matcher(value).matches(), value);
            Duration.parse(value);
        }
        for (String value : List.of("", "P", "PT", "1 day", "P1H", "-P1D")) {
            assertFalse(duration.matcher(value).matches(), value);
        }
    }

    @Test
    void everyQueueAFunctionReadsHidesABatchForSixTimesItsReadersTimeout() {
        Map<String, Map<String, Object>> mappings = sqsMappings();
        assertEquals(Set.of("RefreshWorkerMapping", "RefreshBrowserMapping", "ArchiveSweepMapping"), mappings.keySet());

        mappings.forEach((id, mapping) -> {
            Map<String, Object> queue = properties(resource("AWS::SQS::Queue", queueOf(mapping)));
            long timeout = ((Number) functionProperty(readerOf(mapping), "Timeout")).longValue();
            Object visibility = queue.get("VisibilityTimeout");

            assertNotNull(visibility, queueOf(mapping) + " keeps SQS's default of 30 s");
            assertTrue(
                    ((Number) visibility).longValue() >= VISIBILITY_PER_TIMEOUT * timeout,
                    queueOf(mapping) + "'s VisibilityTimeout " + visibility + " s against its reader's Timeout "
                            + timeout + " s");
        });
    }

    @Test
    void everyMappingOfMoreThanTenRecordsWaitsForABatchingWindow() {
        List<Map<String, Object>> sources = new ArrayList<>();
        template.resources("AWS::Lambda::EventSourceMapping").values().forEach(m -> sources.add(properties(m)));
        template.resources("AWS::Serverless::Function")
                .values()
                .forEach(function -> map(properties(function).get("Events"))
                        .values()
                        .forEach(event -> sources.add(map(map(event).get("Properties")))));
        assertTrue(sources.stream().anyMatch(source -> parameterDefault(source.getOrDefault("BatchSize", 1)) > 10));

        for (Map<String, Object> source : sources) {
            if (source.containsKey("BatchSize") && parameterDefault(source.get("BatchSize")) > 10) {
                Object window = source.get("MaximumBatchingWindowInSeconds");
                assertNotNull(window, "SQS refuses a BatchSize over 10 without a batching window: " + source);
                assertTrue(parameterDefault(window) >= 1, String.valueOf(source));
            }
        }
    }

    @Test
    void everySqsMappingRunsAtLeastTwoAtOnceAndAnswersWhichMessagesFailed() throws Exception {
        Map<String, Object> parameters = map(template.document().get("Parameters"));
        for (Map<String, Object> mapping : sqsMappings().values()) {
            Object concurrency = map(properties(mapping).get("ScalingConfig")).get("MaximumConcurrency");
            Map<String, Object> parameter = map(parameters.get(String.valueOf(concurrency)));

            assertNotNull(concurrency, "no MaximumConcurrency: " + mapping);
            assertTrue(parameterDefault(concurrency) >= 2, "SQS mappings take 2 to 1000: " + concurrency);
            assertTrue(((Number) parameter.get("MinValue")).longValue() >= 2, concurrency + "'s MinValue");
            assertEquals(List.of("ReportBatchItemFailures"), properties(mapping).get("FunctionResponseTypes"));
            Class<?> entry = Class.forName(entryOf(readerOf(mapping)).split("::")[0]);
            assertHandles(entry, SQSEvent.class, SQSBatchResponse.class);
        }
        assertEquals(2L, parameterDefault("RefreshBrowserConcurrency"));
    }

    @Test
    void noFunctionMayUseEveryQueue() {
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            // SAM attaches AWSLambdaSQSQueueExecutionRole (every queue of the account) to a function with an SQS
            // event: the template maps its queues with AWS::Lambda::EventSourceMapping instead.
            map(properties(function).get("Events"))
                    .forEach((name, event) -> assertFalse(
                            "SQS".equals(map(event).get("Type")), id + "'s event " + name + " is SAM's SQS event"));
            for (Object policy : (List<?>) properties(function).getOrDefault("Policies", List.of())) {
                assertFalse(policy instanceof String, id + " uses a managed or SAM policy: " + policy);
            }
            Map<String, Set<String>> grants = new TreeMap<>(grants(id));
            conditionalGrants(id).values().forEach(grants::putAll);
            grants.forEach((action, resources) -> {
                if (action.startsWith("sqs:")) {
                    assertFalse(action.contains("*"), id + " is granted " + action);
                    resources.forEach(
                            resource -> assertFalse(resource.contains("*"), id + " may " + action + " on " + resource));
                }
            });
        });
    }

    @Test
    void everyQueueReadDeadLettersWhatFailsItsBoundedReceives() {
        Map<String, Map<String, Object>> queues = template.resources("AWS::SQS::Queue");
        for (Map<String, Object> mapping : sqsMappings().values()) {
            Map<String, Object> queue = properties(queues.get(queueOf(mapping)));
            Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
            String deadLetters =
                    String.valueOf(redrive.get("deadLetterTargetArn")).replace(".Arn", "");
            long receives = ((Number) redrive.get("maxReceiveCount")).longValue();

            assertTrue(queues.containsKey(deadLetters), queueOf(mapping) + " dead-letters to " + deadLetters);
            assertTrue(receives >= 2 && receives <= 10, queueOf(mapping) + "'s maxReceiveCount " + receives);
            assertEquals(1209600, properties(queues.get(deadLetters)).get("MessageRetentionPeriod"));
        }
        queues.forEach((id, queue) -> assertEquals(true, properties(queue).get("SqsManagedSseEnabled"), id));
    }

    @Test
    void thePoliciesGrantTheRefreshOnlyWhatItsAdaptersCall() {
        Set<String> table = Set.of(PICTURE_TABLE + ".Arn");
        Set<String> reading = Set.of(
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");

        assertEquals(
                Map.of(
                        "dynamodb:Scan", table,
                        "dynamodb:UpdateItem", table,
                        "sqs:SendMessage", Set.of("RefreshQueue.Arn", "ArchiveQueue.Arn")),
                grants("RefreshPlannerFunction"));
        Map<String, Set<String>> worker = new TreeMap<>(Map.of(
                "dynamodb:GetItem", table,
                "dynamodb:UpdateItem", table,
                "sqs:SendMessage", Set.of("RefreshQueue.Arn", "RefreshBrowserQueue.Arn")));
        reading.forEach(action -> worker.put(action, Set.of("RefreshQueue.Arn")));
        assertEquals(worker, grants("RefreshWorkerFunction"));
        assertEquals(
                Map.of("HasXApiToken", Map.of("secretsmanager:GetSecretValue", Set.of("XApiBearerTokenSecretArn"))),
                conditionalGrants("RefreshWorkerFunction"));
        Map<String, Set<String>> browser = new TreeMap<>(Map.of(
                "dynamodb:GetItem", table,
                "dynamodb:UpdateItem", table,
                "sqs:SendMessage", Set.of("RefreshBrowserQueue.Arn")));
        reading.forEach(action -> browser.put(action, Set.of("RefreshBrowserQueue.Arn")));
        assertEquals(browser, grants("RefreshBrowserFunction"));
    }

    @Test
    void theWorkersShareOneCeilingOnRequestsToXAndReadTheTokenAsTheScrapeDoes() {
        Map<String, Object> worker = resource("AWS::Serverless::Function", "RefreshWorkerFunction");
        Map<String, Object> browser = resource("AWS::Serverless::Function", "RefreshBrowserFunction");

        assertEquals(60L, parameterDefault("RefreshXRequestsPerMinute"));
        for (Map<String, Object> function : List.of(worker, browser)) {
            assertEquals("RefreshXRequestsPerMinute", environment(function).get("REFRESH_X_REQUESTS_PER_MINUTE"));
            assertEquals("RefreshWorkerConcurrency", environment(function).get("REFRESH_WORKER_CONCURRENCY"));
            assertEquals("RefreshBrowserConcurrency", environment(function).get("REFRESH_BROWSER_CONCURRENCY"));
        }
        assertEquals("XApiBearerTokenSecretArn", environment(worker).get("X_API_BEARER_TOKEN_SECRET_ARN"));
        assertEquals(
                environment(scrapeFunction()).get("X_BASE_URL"),
                environment(worker).get("X_BASE_URL"));
        // The browser's function is the scrape image, with its own command.
        assertEquals(scrapeFunction().get("Metadata"), browser.get("Metadata"));
        assertEquals(
                List.of("com.profilepictures.bootstrap.scrape.RefreshBrowserFunction::handleRequest"),
                map(properties(browser).get("ImageConfig")).get("Command"));
        assertEquals(
                "bootstrap/refresh-function/target/refresh-function-lambda.jar",
                properties(worker).get("CodeUri"),
                "the worker ships the jar without Selenium (RefreshFunctionJarTest)");
    }

    // The SQS mappings: an event source whose ARN is a queue's.
    private static Map<String, Map<String, Object>> sqsMappings() {
        Map<String, Map<String, Object>> mappings =
                new TreeMap<>(template.resources("AWS::Lambda::EventSourceMapping"));
        mappings.values()
                .removeIf(mapping -> !template.resources("AWS::SQS::Queue").containsKey(queueOf(mapping)));
        return mappings;
    }

    private static String queueOf(Map<String, Object> mapping) {
        return String.valueOf(properties(mapping).get("EventSourceArn")).replace(".Arn", "");
    }

    private static Map<String, Object> readerOf(Map<String, Object> mapping) {
        return resource(
                "AWS::Serverless::Function", String.valueOf(properties(mapping).get("FunctionName")));
    }

    // --- the template -----------------------------------------------------------------------------

    private static final String PICTURE_TABLE = "ProfilePicturesTable";
    private static final String HISTORY_TABLE = "PictureHistoryTable";
    private static final String BUCKET = "PictureBucket";

    private static Map<String, Object> resource(String type, String id) {
        Map<String, Object> found = template.resources(type).get(id);
        assertNotNull(found, "no " + type + " " + id);
        return found;
    }

    // A zip function names its entry in Handler, an image function in ImageConfig.Command.
    private static String entryOf(Map<String, Object> function) {
        Object handler = properties(function).get("Handler");
        if (handler != null) {
            return String.valueOf(handler);
        }
        List<?> command = (List<?>) map(properties(function).get("ImageConfig")).get("Command");
        assertNotNull(command, "a function names no Handler and no ImageConfig.Command: " + function);
        return String.valueOf(command.get(0));
    }

    private static Map<String, Object> archiveFunction() {
        return resource("AWS::Serverless::Function", "ArchivePictureFunction");
    }

    // Every action a function's policy statements allow, with the resources (as written: !GetAtt x.Arn reads x.Arn);
    // a policy granted under a condition (Fn::If) is not among them: conditionalGrants reads those.
    private static Map<String, Set<String>> grants(String functionId) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (Object policy : (List<?>)
                properties(resource("AWS::Serverless::Function", functionId)).getOrDefault("Policies", List.of())) {
            if (!map(policy).containsKey("Fn::If")) {
                addGrants(functionId, map(policy), grants);
            }
        }
        return grants;
    }

    // Each condition's grants, of the policies written as Fn::If: [condition, policy, !Ref AWS::NoValue].
    private static Map<String, Map<String, Set<String>>> conditionalGrants(String functionId) {
        Map<String, Map<String, Set<String>>> grants = new TreeMap<>();
        for (Object policy : (List<?>)
                properties(resource("AWS::Serverless::Function", functionId)).getOrDefault("Policies", List.of())) {
            List<?> branches = (List<?>) map(policy).get("Fn::If");
            if (branches != null) {
                assertEquals(3, branches.size(), functionId + ": " + policy);
                assertEquals("AWS::NoValue", String.valueOf(branches.get(2)), "otherwise no policy at all: " + policy);
                addGrants(
                        functionId,
                        map(branches.get(1)),
                        grants.computeIfAbsent(String.valueOf(branches.get(0)), key -> new TreeMap<>()));
            }
        }
        return grants;
    }

    private static void addGrants(String functionId, Map<String, Object> policy, Map<String, Set<String>> grants) {
        {
            for (Map<String, Object> statement : list(policy.get("Statement"))) {
                assertEquals("Allow", statement.get("Effect"), functionId + ": " + statement);
                for (Object action : (List<?>) statement.get("Action")) {
                    Object resources = statement.get("Resource");
                    List<?> each = resources instanceof List<?> several ? several : List.of(resources);
                    each.forEach(resource -> grants.computeIfAbsent(String.valueOf(action), key -> new TreeSet<>())
                            .add(String.valueOf(resource)));
                }
            }
        }
    }

    // A number, !Ref of a parameter (its default), or !If [condition, a, b] (the larger of the two).
    private static long parameterDefault(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof List<?> branches && branches.size() == 3) {
            return Math.max(parameterDefault(branches.get(1)), parameterDefault(branches.get(2)));
        }
        Object parameter = map(template.document().get("Parameters")).get(String.valueOf(value));
        assertNotNull(parameter, "no parameter " + value);
        return ((Number) map(parameter).get("Default")).longValue();
    }

    private static Map<String, Object> scrapeFunction() {
        String id = template.routes().stream()
                .filter(route -> route.path().equals("/scrape"))
                .map(Route::functionId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function serves /scrape"));
        return template.resources("AWS::Serverless::Function").get(id);
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    // A function property, or the Globals default when the function does not set it.
    private static Object functionProperty(Map<String, Object> function, String name) {
        Object own = properties(function).get(name);
        return own != null ? own : globalFunctionProperties().get(name);
    }

    // SAM merges Globals' environment variables into each function's, the function's winning.
    private static Map<String, Object> environment(Map<String, Object> function) {
        Map<String, Object> variables = new LinkedHashMap<>(
                map(map(globalFunctionProperties().get("Environment")).get("Variables")));
        variables.putAll(map(map(properties(function).get("Environment")).get("Variables")));
        return variables;
    }

    private static Map<String, Object> globalFunctionProperties() {
        return map(map(template.document().get("Globals")).get("Function"));
    }

    // --- the Dockerfile ---------------------------------------------------------------------------

    // Instructions with continuation lines joined and comment lines dropped, as Docker reads them.
    private static List<String> instructions(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            // Docker skips blank and comment lines, inside continuations too.
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().strip());
            current.setLength(0);
        }
        if (current.length() > 0) {
            instructions.add(current.toString().strip());
        }
        return instructions;
    }

    // The context paths a COPY or ADD reads; none for a copy from another build stage.
    private static List<String> copySources(String instruction) {
        String[] keywordAndRest = instruction.split("\\s+", 2);
        String keyword = keywordAndRest[0].toUpperCase(Locale.ROOT);
        if (!(keyword.equals("COPY") || keyword.equals("ADD")) || keywordAndRest.length < 2) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>();
        String rest = keywordAndRest[1].strip();
        while (rest.startsWith("--")) {
            String[] flagAndRest = rest.split("\\s+", 2);
            if (flagAndRest[0].startsWith("--from")) {
                return List.of();
            }
            rest = flagAndRest.length == 2 ? flagAndRest[1].strip() : "";
        }
        arguments.addAll(rest.startsWith("[") ? execForm(rest) : Arrays.asList(rest.split("\\s+")));
        return arguments.size() < 2 ? List.of() : arguments.subList(0, arguments.size() - 1);
    }

    private static boolean existsIn(Path context, String source) {
        Path path = context.resolve(source).normalize();
        String name = path.getFileName().toString();
        if (!(name.contains("*") || name.contains("?") || name.contains("["))) {
            return Files.exists(path);
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), name)) {
            return matches.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static String last(List<String> instructions, String keyword) {
        String found = null;
        for (String instruction : instructions) {
            if (instruction.split("\\s+", 2)[0].equalsIgnoreCase(keyword)) {
                found = instruction.substring(keyword.length()).strip();
            }
        }
        assertNotNull(found, "the Dockerfile has no " + keyword);
        return found;
    }

    // ["a", "b"] -> [a, b]: the JSON form of ENTRYPOINT, CMD and COPY (no escapes are used there).
    private static List<String> execForm(String arguments) {
        assertTrue(arguments.startsWith("[") && arguments.endsWith("]"), "expected the exec (JSON) form: " + arguments);
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"([^\"]*)\"").matcher(arguments);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    // java [options] [-cp path] MainClass [arguments]: the first word that is neither an option nor its value.
    private static String mainClass(List<String> entrypoint) {
        for (int i = 1; i < entrypoint.size(); i++) {
            String word = entrypoint.get(i);
            if (word.equals("-cp") || word.equals("-classpath") || word.equals("--class-path")) {
                i++;
            } else if (!word.startsWith("-")) {
                return word;
            }
        }
        throw new AssertionError("the ENTRYPOINT names no main class: " + entrypoint);
    }

    private static boolean hasPackagedJars(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the contract and openapi.yaml -----------------------------------------------------------

    private static Set<String> openApiErrorCodes() {
        Map<String, Object> openApi =
                SamTemplate.load(root.resolve("openapi.yaml")).document();
        Map<String, Object> error =
                map(map(map(openApi.get("components")).get("schemas")).get("Error"));
        Map<String, Object> inner = map(map(error.get("properties")).get("error"));
        Map<String, Object> code = map(map(inner.get("properties")).get("code"));
        List<?> values = (List<?>) code.get("enum");
        assertNotNull(values, "openapi.yaml's Error.error.code has no enum");
        return values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

    /** {@code entry} has a {@code handleRequest} taking {@code event} and answering {@code response}. */
    private static void assertHandles(Class<?> entry, Class<?> event, Class<?> response) {
        assertTrue(
                Arrays.stream(entry.getMethods())
                        .anyMatch(method -> method.getName().equals("handleRequest")
                                && method.getParameterTypes()[0] == event
                                && method.getReturnType() == response),
                entry + " handles " + event.getSimpleName() + " and answers " + response.getSimpleName());
    }
}
