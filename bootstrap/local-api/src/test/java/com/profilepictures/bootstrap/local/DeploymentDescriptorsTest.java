package com.profilepictures.bootstrap.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;


import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.bootstrap.local.SamTemplate.Route;
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
    private static final String CONTRACT = "docs/API.md";

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

        assertEquals(new TreeSet<>(Set.of("POST /scrape", "GET /user/{handle}/profile_pic", "GET /users", "GET /")), routes);
        assertTrue(template.routes().stream().anyMatch(route -> route.path().equals("/")
                && route.functionId().equals("GalleryFunction")
                && route.entryClass().equals("com.profilepictures.bootstrap.read.GalleryFunction")), "GalleryFunction serves GET /");
    }

    @Test
    void everyEntryClassIsALambdaRequestHandlerOnTheClasspath() {
        ClassLoader loader = getClass().getClassLoader();

        for (Route route : template.routes()) {
            Class<?> entry;
            try {
                // Not initialised: an entry class may build its component in a static initialiser.
                entry = Class.forName(route.entryClass(), false, loader);
            } catch (ClassNotFoundException e) {
                fail(route.functionId() + " names " + route.entryClass() + ", which is not on the classpath");
                return;
            }

            assertTrue(RequestHandler.class.isAssignableFrom(entry),
                    route.entryClass() + " must implement " + RequestHandler.class.getName());
            assertTrue(Modifier.isPublic(entry.getModifiers()) && !Modifier.isAbstract(entry.getModifiers()),
                    route.entryClass() + " must be a public concrete class: Lambda instantiates it");
            assertTrue(Arrays.stream(entry.getConstructors()).anyMatch(c -> c.getParameterCount() == 0),
                    route.entryClass() + " needs a public no-argument constructor: Lambda calls it");
            assertTrue(Arrays.stream(entry.getMethods()).map(Method::getName).anyMatch(route.entryMethod()::equals),
                    route.entryClass() + " has no public method " + route.entryMethod());
        }
    }

    @Test
    void theZipFunctionsShipTheJarMavenBuildsAndSamDoesNotRebuildIt() {
        Map<String, Map<String, Object>> zipFunctions = new LinkedHashMap<>(template.resources("AWS::Serverless::Function"));
        zipFunctions.values().removeIf(function -> "Image".equals(properties(function).get("PackageType")));
        assertFalse(zipFunctions.isEmpty(), "the read functions are zip functions");

        zipFunctions.forEach((id, function) -> {
            String codeUri = String.valueOf(functionProperty(function, "CodeUri"));
            assertTrue(codeUri.endsWith(".jar"), id + "'s CodeUri should be the shaded jar, not " + codeUri);
            // sam build skips only .zip paths by itself; on a .jar path it would run Maven inside it and fail.
            assertEquals(Boolean.TRUE, map(function.get("Metadata")).get("SkipBuild"),
                    id + " needs Metadata SkipBuild: true so that sam build takes the jar as built");

            Path jar = root.resolve(codeUri).normalize();
            assertTrue(hasPackagedJars(jar.getParent()), "not packaged yet (run ./mvnw verify): " + jar.getParent());
            assertTrue(Files.isRegularFile(jar), id + "'s CodeUri names " + jar + ", which the build did not produce");
        });
    }

    @Test
    void theZipFunctionsRunOnJava25WithSnapStartAndAnUncappedJit() {
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            if ("Image".equals(properties(function).get("PackageType"))) {
                return;
            }
            assertEquals("java25", functionProperty(function, "Runtime"), id + "'s Runtime");
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), properties(function).get("SnapStart"), id + "'s SnapStart");
            assertNotNull(properties(function).get("AutoPublishAlias"), id + " needs an alias: SnapStart applies to published versions");
            // What priming compiles before the snapshot should not be held back at C1.
            assertFalse(String.valueOf(environment(function).get("JAVA_TOOL_OPTIONS")).contains("TieredStopAtLevel"),
                    id + " caps the JIT that java25 leaves uncapped for SnapStart");
        });
    }

    @Test
    void everyPathTheDockerfileCopiesExistsInItsContext() {
        Map<String, Object> metadata = map(scrapeFunction().get("Metadata"));
        Path context = root.resolve(String.valueOf(metadata.get("DockerContext"))).normalize();
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
        Path dockerfile = root.resolve(String.valueOf(map(scrapeFunction().get("Metadata")).get("DockerContext")))
                .resolve(String.valueOf(map(scrapeFunction().get("Metadata")).getOrDefault("Dockerfile", "Dockerfile")));
        List<String> instructions = instructions(dockerfile);
        List<String> entrypoint = execForm(last(instructions, "ENTRYPOINT"));
        List<String> command = execForm(last(instructions, "CMD"));
        List<?> templateCommand = (List<?>) map(properties(scrapeFunction()).get("ImageConfig")).get("Command");

        String mainClass = mainClass(entrypoint);
        try {
            Class.forName(mainClass, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            fail("the image's ENTRYPOINT starts " + mainClass + ", which is not among the scrape function's dependencies");
        }
        assertEquals(templateCommand, command, "the image's default CMD should be the template's ImageConfig.Command");
    }

    @Test
    void theScrapeFunctionOutlastsItsScrapeTimeoutAndAnswersWithinApiGatewaysLimit() {
        Map<String, Object> scrape = scrapeFunction();
        Duration scrapeTimeout = Duration.parse(String.valueOf(environment(scrape).get("SCRAPE_TIMEOUT")));
        Object timeout = functionProperty(scrape, "Timeout");

        assertNotNull(timeout, "the scrape function needs a Timeout: Lambda's default of 3 s is far too short");
        long timeoutSeconds = ((Number) timeout).longValue();
        // The longest request: a verdict at the very end of the scrape, then a save to a DynamoDB that does
        // not answer. The function must still answer that itself (503), not be cut off by Lambda (502).
        Duration longestRequest = scrapeTimeout.plus(SeleniumProfilePictureScraper.MAX_VERDICT_DELAY)
                .plus(DynamoDbClients.API_CALL_TIMEOUT);
        assertTrue(Duration.ofSeconds(timeoutSeconds).compareTo(longestRequest) > 0,
                "Timeout " + timeoutSeconds + " s must exceed the longest request, " + longestRequest
                        + " (SCRAPE_TIMEOUT " + scrapeTimeout + ", the scraper's margins, DynamoDB's call timeout)");
        assertTrue(timeoutSeconds < API_GATEWAY_LIMIT_SECONDS,
                "Timeout " + timeoutSeconds + " s must stay under API Gateway's " + API_GATEWAY_LIMIT_SECONDS + " s");
    }

    @Test
    void theTableIsKeyedByHandleKeyAndEveryFunctionIsToldItsName() {
        Map<String, Map<String, Object>> tables = template.resources("AWS::DynamoDB::Table");
        assertEquals(1, tables.size(), "one table");
        String tableId = tables.keySet().iterator().next();
        Map<String, Object> table = properties(tables.get(tableId));

        List<Map<String, Object>> keySchema = list(table.get("KeySchema"));
        assertEquals(List.of(Map.of("AttributeName", "handle_key", "KeyType", "HASH")), keySchema);
        assertTrue(list(table.get("AttributeDefinitions")).contains(Map.of("AttributeName", "handle_key", "AttributeType", "S")),
                "handle_key is a string attribute");
        // !Ref reads as its argument: the table's logical id.
        template.resources("AWS::Serverless::Function").forEach((id, function) ->
                assertEquals(tableId, environment(function).get("TABLE_NAME"), id + "'s TABLE_NAME"));
    }

    @Test
    void theOpenApiErrorCodesAreExactlyTheContractsCodes() {
        Set<String> contractCodes = errorTable(root.resolve(CONTRACT)).keySet();
        Set<String> openApiCodes = openApiErrorCodes();

        assertFalse(contractCodes.isEmpty(), "found no error codes in docs/API.md's table");
        assertEquals(contractCodes, openApiCodes, "openapi.yaml's Error code enum against docs/API.md's error table");
    }

    @Test
    void theRepositoryStandsAloneItsDocsPointAtNothingOutsideIt() throws IOException {
        // A user who clones the repository has no team folder beside it: the contract, the style and
        // the description of X's pages live here.
        Pattern outside = Pattern.compile("\\.\\./shared|shared/docs");
        Set<String> textFiles = Set.of("md", "java", "yaml", "yml", "xml", "sh", "js", "html", "toml", "properties");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(path -> root.relativize(path).toString().split("/")[0].matches("[^.].*"))
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
        Map<String, Object> api = template.resources("AWS::Serverless::Api").values().iterator().next();
        Map<String, Object> gatewayResponses = map(properties(api).get("GatewayResponses"));
        Set<String> codes = openApiErrorCodes();
        Map<String, Integer> statuses = errorTable(root.resolve(CONTRACT));
        assertTrue(gatewayResponses.keySet().containsAll(Set.of("MISSING_AUTHENTICATION_TOKEN", "RESOURCE_NOT_FOUND",
                "THROTTLED", "REQUEST_TOO_LARGE", "DEFAULT_4XX", "DEFAULT_5XX")), "gateway responses: " + gatewayResponses.keySet());

        gatewayResponses.forEach((type, value) -> {
            Map<String, Object> response = map(value);
            String body = String.valueOf(map(response.get("ResponseTemplates")).get("application/json"));
            Matcher matcher = GATEWAY_ERROR_BODY.matcher(body);
            assertTrue(matcher.matches(), type + "'s body is not the contract's error shape: " + body);
            assertTrue(codes.contains(matcher.group(1)), type + " answers code " + matcher.group(1) + ", not in the contract");
            assertEquals(String.valueOf(statuses.get(matcher.group(1))), String.valueOf(response.get("StatusCode")),
                    type + " answers " + matcher.group(1) + " with the status the contract gives it");
            Map<String, Object> headers = map(map(response.get("ResponseParameters")).get("Headers"));
            assertEquals("'application/json'", headers.get("Content-Type"), type + "'s Content-Type");
            assertEquals("context.requestId", headers.get("X-Request-Id"), type + "'s X-Request-Id");
        });
    }

    // --- the template -----------------------------------------------------------------------------

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
        Map<String, Object> openApi = SamTemplate.load(root.resolve("openapi.yaml")).document();
        Map<String, Object> error = map(map(map(openApi.get("components")).get("schemas")).get("Error"));
        Map<String, Object> inner = map(map(error.get("properties")).get("error"));
        Map<String, Object> code = map(map(inner.get("properties")).get("code"));
        List<?> values = (List<?>) code.get("enum");
        assertNotNull(values, "openapi.yaml's Error.error.code has no enum");
        return values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    // A Markdown error table's codes and their statuses: rows `| 404 | `user_not_found` | when |`.
    private static Map<String, Integer> errorTable(Path markdown) {
        Pattern row = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|");
        Pattern code = Pattern.compile("`([a-z_]+)`");
        Map<String, Integer> statuses = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
                Matcher rowMatcher = row.matcher(line);
                if (rowMatcher.find()) {
                    Matcher codeMatcher = code.matcher(rowMatcher.group(2));
                    while (codeMatcher.find()) {
                        statuses.put(codeMatcher.group(1), Integer.parseInt(rowMatcher.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statuses;
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
}
