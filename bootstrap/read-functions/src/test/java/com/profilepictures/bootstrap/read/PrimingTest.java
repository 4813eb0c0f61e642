package com.profilepictures.bootstrap.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbPictureHistory;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.HistoryTable;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming, each side in a fresh JVM as a Lambda sandbox starts: the entry class is built, then
 * Lambda's own CRaC context (from the runtime interface client, plugged into org.crac by the system
 * property the Lambda runtime sets) runs the checkpoint hooks, then one client request is made against a
 * real moto_server and the classes it loads are counted, beside the same request in a JVM that was not primed.
 */
@ExtendWith(SharedDynamoDbServer.class)
class PrimingTest {

    /** A primed first request may load at most this share of what an unprimed one loads. */
    private static final double MAX_SHARE_OF_CLASSES = 0.1;

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(2);
    private static final String STORED_HANDLE = "Jack";
    private static final String LAMBDA_CRAC = "com.amazonaws.services.lambda.crac";
    private static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Pattern PROBE_LINE = Pattern.compile(
            "PROBE status=(\\d+) classesLoaded=(\\d+) unheldCollected=(true|false) unheldRan=(true|false)");

    @TempDir
    static Path scratch;

    private static String tableName;
    private static String historyTableName;
    private static DynamoDbServer moto;
    private static Path jniLibrary;

    record Probe(
            int status,
            long classesLoaded,
            boolean unheldCollected,
            boolean unheldRan,
            List<String> primingLines,
            String output) {}

    @BeforeAll
    static void storeOnePicture(DynamoDbServer dynamoDb) throws IOException {
        moto = dynamoDb;
        tableName = DynamoDbServer.uniqueTableName("priming");
        DynamoDbClient client = DynamoDbClients.create(moto.settings(tableName));
        DynamoDbProfilePictureRepository repository = new DynamoDbProfilePictureRepository(client, tableName);
        PictureTable.createIfMissing(client, tableName);
        Handle handle = Handle.of(STORED_HANDLE);
        PictureUrl picture = PictureUrl.of("https://pbs.twimg.com/profile_images/1/jack_400x400.jpg");
        Instant scrapedAt = Instant.now();
        repository.saveIfNewer(new ProfilePicture(handle, picture, scrapedAt));
        // An archived picture, as the archive function leaves it: in the history, its copy attached, the item marked.
        // The copy's object itself is not needed: presigning a URL does not ask S3.
        historyTableName = DynamoDbServer.uniqueTableName("priming-history");
        HistoryTable.createIfMissing(client, historyTableName);
        ImageVersion version = ImageVersion.of("0123456789abcdef".repeat(4));
        DynamoDbPictureHistory history = new DynamoDbPictureHistory(client, historyTableName);
        history.record(handle, picture, scrapedAt);
        history.attach(handle, picture, version);
        assertTrue(
                repository.markArchived(handle, new ArchiveMark(picture, version)),
                "the stored picture is marked archived");
        client.close();
        jniLibrary = unpackLambdasJniLibrary();
    }

    /**
     * Each read function, the request a client makes of it (the stored picture, the first page, the archived
     * picture, the account's history) and the status it answers.
     */
    static Stream<Arguments> readFunctions() {
        return Stream.of(
                Arguments.of(
                        GetProfilePictureFunction.class,
                        "/user/{handle}/profile_pic",
                        List.of("handle=" + STORED_HANDLE),
                        200),
                Arguments.of(ListProfilePicturesFunction.class, "/users", List.of(), 200),
                Arguments.of(
                        GetArchivedImageFunction.class,
                        "/user/{handle}/profile_pic/image",
                        List.of("handle=" + STORED_HANDLE),
                        302),
                Arguments.of(
                        GetPictureHistoryFunction.class,
                        "/user/{handle}/history",
                        List.of("handle=" + STORED_HANDLE),
                        200),
                Arguments.of(GalleryFunction.class, "/", List.of(), 200));
    }

    @Test
    void everyReadFunctionIsProvenHere() throws Exception {
        Set<String> proven = readFunctions()
                .map(arguments -> ((Class<?>) arguments.get()[0]).getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(entryClassesOfThisModule(), proven, "a read function without priming proven in readFunctions()");
    }

    @ParameterizedTest
    @MethodSource("readFunctions")
    void givenTheSnapshotHooksRan_whenTheFirstRequestComes_thenItLoadsAtMostATenthOfTheClassesOfAnUnprimedOne(
            Class<?> entryClass, String resource, List<String> pathParameters, int status) throws Exception {
        Probe unprimed = probe(entryClass, "unprimed", resource, pathParameters);
        Probe primed = probe(entryClass, "primed", resource, pathParameters);

        // The figures, for a change that touches the read path to report beside this test's verdict.
        System.out.println("PRIMING " + entryClass.getSimpleName() + " primed=" + primed.classesLoaded() + " unprimed="
                + unprimed.classesLoaded());
        assertEquals(status, unprimed.status(), unprimed.output());
        assertEquals(status, primed.status(), primed.output());
        assertTrue(
                primed.unheldCollected() && !primed.unheldRan(),
                "a resource nothing holds must be collected and never run, or this test cannot see a weak hold: "
                        + primed.output());
        assertEquals(1, primed.primingLines().size(), "one priming request, its log line marked: " + primed.output());
        assertTrue(
                primed.primingLines().get(0).contains("\"route\":\"" + resource + "\""),
                primed.primingLines().get(0));
        assertTrue(unprimed.primingLines().isEmpty(), "no hooks ran, yet something primed: " + unprimed.output());
        assertTrue(unprimed.classesLoaded() > 0, unprimed.output());
        assertTrue(
                primed.classesLoaded() <= MAX_SHARE_OF_CLASSES * unprimed.classesLoaded(),
                "the primed first request loaded " + primed.classesLoaded() + " classes, the unprimed one "
                        + unprimed.classesLoaded() + "\n" + primed.output());
    }

    private static Probe probe(Class<?> entryClass, String mode, String resource, List<String> pathParameters)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.crac.Core.Compat=" + LAMBDA_CRAC,
                "-D" + JNI_PROPERTY + "=" + jniLibrary,
                "-cp",
                System.getProperty("java.class.path"),
                PrimingProbe.class.getName(),
                entryClass.getName(),
                mode,
                resource));
        command.addAll(pathParameters);
        Path output = Files.createTempFile(scratch, mode, ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(name ->
                        name.startsWith("AWS_") || name.endsWith("JAVA_OPTIONS") || name.equals("JAVA_TOOL_OPTIONS"));
        // What a Lambda sandbox has: the table, the region and credentials in the environment.
        environment.putAll(Map.of(
                "TABLE_NAME",
                tableName,
                "AWS_REGION",
                DynamoDbServer.REGION,
                "DYNAMODB_ENDPOINT",
                moto.endpoint().toString(),
                "AWS_LAMBDA_FUNCTION_NAME",
                "priming-test",
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_SESSION_TOKEN",
                "test",
                "HISTORY_TABLE_NAME",
                historyTableName,
                "PICTURE_BUCKET",
                "priming-pictures",
                "S3_ENDPOINT",
                moto.endpoint().toString()));

        Process process = builder.start();
        if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            fail("the " + mode + " probe of " + entryClass.getSimpleName() + " did not finish within " + PROBE_TIMEOUT
                    + ":\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Matcher result = PROBE_LINE.matcher(text);
        assertTrue(process.exitValue() == 0 && result.find(), "the " + mode + " probe failed:\n" + text);
        List<String> primingLines =
                text.lines().filter(PrimingTest::isPrimingRequestLine).toList();
        return new Probe(
                Integer.parseInt(result.group(1)),
                Long.parseLong(result.group(2)),
                Boolean.parseBoolean(result.group(3)),
                Boolean.parseBoolean(result.group(4)),
                primingLines,
                text);
    }

    /** A JSON log line marked as priming's, of the priming request. */
    private static boolean isPrimingRequestLine(String line) {
        if (!line.startsWith("{")) {
            return false;
        }
        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
        return json.has("priming")
                && json.get("priming").getAsBoolean()
                && json.has("requestId")
                && json.get("requestId").getAsString().equals(Priming.REQUEST_ID);
    }

    /** Lambda passes the runtime's JNI library by path; here it is taken from the runtime interface client's jar. */
    private static Path unpackLambdasJniLibrary() throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String name = "libaws-lambda-jni.linux-" + arch + ".so";
        Path library = scratch.resolve(name);
        try (InputStream in = JniHelper.class.getResourceAsStream("/jni/" + name)) {
            assertFalse(in == null, "the runtime interface client ships no " + name);
            Files.copy(in, library);
        }
        return library;
    }

    /** The public, concrete request handlers compiled into this module's entry package. */
    private static Set<String> entryClassesOfThisModule() throws Exception {
        Path classes = Path.of(GetProfilePictureFunction.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path entryPackage =
                classes.resolve(GetProfilePictureFunction.class.getPackageName().replace('.', '/'));
        Set<String> entries = new TreeSet<>();
        try (Stream<Path> files = Files.list(entryPackage)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(
                        GetProfilePictureFunction.class.getPackageName() + "." + simpleName,
                        false,
                        PrimingTest.class.getClassLoader());
                if (RequestHandler.class.isAssignableFrom(type)
                        && Modifier.isPublic(type.getModifiers())
                        && !Modifier.isAbstract(type.getModifiers())) {
                    entries.add(type.getName());
                }
            }
        }
        return entries;
    }
}
