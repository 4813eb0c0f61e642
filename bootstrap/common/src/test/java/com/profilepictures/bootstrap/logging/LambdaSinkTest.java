package com.profilepictures.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.api.client.logging.FramedTelemetryLogSink;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.logging.StdOutLogSink;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.bootstrap.Environment;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where a line goes on Lambda, written through the runtime interface client's own logger and sinks (the ones
 * it picks between by Lambda's telemetry descriptor), as its AWSLambda class builds them.
 */
class LambdaSinkTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00.250Z");

    private final ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();

    @Test
    void givenLambdasEnvironment_sinkFor_framesLinesOnlyWhereLambdaGaveTheTelemetryDescriptor() {
        Environment onLambda = new Environment(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"));

        var managedRuntime = assertInstanceOf(
                LambdaSink.class, JsonLines.sinkFor(onLambda.with(Map.of(LambdaSink.TELEMETRY_FD, "3"))));
        var image = assertInstanceOf(LambdaSink.class, JsonLines.sinkFor(onLambda));
        var blank = assertInstanceOf(
                LambdaSink.class, JsonLines.sinkFor(onLambda.with(Map.of(LambdaSink.TELEMETRY_FD, " "))));

        assertTrue(managedRuntime.framed());
        assertFalse(image.framed());
        assertFalse(blank.framed());
        assertFalse(JsonLines.sinkFor(new Environment(Map.of())) instanceof LambdaSink, "off Lambda: the console");
    }

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void givenTheTelemetryDescriptor_aLineIsOneFrameHoldingExactlyItsJson(LogFormat format, @TempDir Path folder)
            throws IOException {
        Path descriptor = folder.resolve("telemetry");
        String line = requestLine("req-frame");
        try (FileOutputStream file = new FileOutputStream(descriptor.toFile())) {
            LambdaContextLogger client =
                    new LambdaContextLogger(new FramedTelemetryLogSink(file.getFD()), LogLevel.UNDEFINED, format);
            new LambdaSink(true, () -> client, this::failIfUsed).accept(Level.INFO, line);
        }

        ByteBuffer frames = ByteBuffer.wrap(Files.readAllBytes(descriptor));
        int type = frames.getInt();
        int length = frames.getInt();
        frames.getLong(); // the client's own timestamp, in microseconds
        byte[] message = new byte[length];
        frames.get(message);

        assertEquals(0xa55a0000, type & 0xffff0000, "a log frame");
        assertArrayEquals(line.getBytes(StandardCharsets.UTF_8), message, "the line as it is: no wrapper, no newline");
        assertFalse(frames.hasRemaining(), "one frame");
        assertEquals(0, standardOutput.size());
    }

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void givenStandardOutput_eachLineIsOneWholeLineOfTopLevelJson(LogFormat format) {
        PrintStream before = System.out;
        System.setOut(new PrintStream(standardOutput, true, StandardCharsets.UTF_8));
        try {
            // The client's stdout sink writes to System.out at each call, as AWSLambda's does after replacing it.
            LambdaContextLogger client = new LambdaContextLogger(new StdOutLogSink(), LogLevel.INFO, format);
            LambdaSink sink = new LambdaSink(false, () -> client, this::failIfUsed);
            sink.accept(Level.INFO, requestLine("req-1"));
            sink.accept(Level.DEBUG, requestLine(Level.DEBUG, "req-below-the-clients-level"));
            sink.accept(Level.WARNING, requestLine(Level.WARNING, "req-2"));
        } finally {
            System.setOut(before);
        }

        String written = standardOutput.toString(StandardCharsets.UTF_8);
        assertTrue(written.endsWith("\n"), written);
        List<JsonObject> lines =
                Arrays.stream(written.split("\n")).map(LambdaSinkTest::topLevel).toList();
        assertEquals(
                List.of("req-1", "req-2"),
                lines.stream().map(json -> json.get("requestId").getAsString()).toList());
        assertEquals("WARN", lines.get(1).get("level").getAsString());
        assertEquals(200, lines.get(0).get("status").getAsInt());
        assertEquals("/scrape", lines.get(0).get("route").getAsString());
        assertEquals(NOW.toString(), lines.get(0).get("timestamp").getAsString());
        assertFalse(lines.get(0).has("message"), "not wrapped in the client's own JSON: " + written);
    }

    @Test
    void givenNoRuntimeClientsLogger_aLineGoesToStandardOutputAndEnds() {
        // In this JVM nothing has replaced aws-lambda-java-core's default, which writes bytes with no newline.
        LambdaLogger coresDefault = LambdaRuntime.getLogger();
        PrintStream out = new PrintStream(standardOutput, false, StandardCharsets.UTF_8);

        new LambdaSink(true, () -> coresDefault, () -> out).accept(Level.INFO, requestLine("req-a"));
        new LambdaSink(false, () -> coresDefault, () -> out).accept(Level.ERROR, requestLine("req-b"));

        assertFalse(LambdaSink.isRuntimeClients(coresDefault));
        assertTrue(LambdaSink.isRuntimeClients(
                new LambdaContextLogger(new StdOutLogSink(), LogLevel.UNDEFINED, LogFormat.TEXT)));
        String written = standardOutput.toString(StandardCharsets.UTF_8);
        String[] lines = written.split("\n");
        assertEquals(2, lines.length, written);
        assertEquals("req-a", topLevel(lines[0]).get("requestId").getAsString());
        assertEquals("req-b", topLevel(lines[1]).get("requestId").getAsString());
        assertTrue(written.endsWith("\n"), written);
    }

    /** A request's line as the project's logger writes it. */
    private static String requestLine(String requestId) {
        return requestLine(Level.INFO, requestId);
    }

    private static String requestLine(Level level, String requestId) {
        List<String> written = new ArrayList<>();
        JsonLines lines =
                new JsonLines((lineLevel, line) -> written.add(line), Clock.fixed(NOW, ZoneOffset.UTC), Level.TRACE);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("method", "POST");
        fields.put("route", "/scrape");
        fields.put("status", 200);
        lines.write(level, fields);
        return written.get(0);
    }

    private static JsonObject topLevel(String line) {
        return JsonParser.parseString(line).getAsJsonObject();
    }

    private PrintStream failIfUsed() {
        throw new AssertionError("the runtime client's logger is in place: nothing goes to standard output directly");
    }
}
