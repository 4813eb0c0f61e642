package com.profilepictures.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The function's jar loaded as Lambda's managed runtime loads it (see {@link HiddenFinderLauncher}), in a JVM
 * of its own, since a JVM picks its logger finder once.
 */
class HiddenFinderTest {

    @Test
    void givenTheFinderHiddenFromTheJdk_install_makesSystemLoggerWriteTheSameJsonLines() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                codeOf(HiddenFinderLauncher.class),
                HiddenFinderLauncher.class.getName(),
                codeOf(JsonLoggerFinder.class),
                codeOf(JsonWriter.class),
                codeOf(LambdaRuntime.class)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LOG_LEVEL");
        builder.environment().remove("AWS_LAMBDA_RUNTIME_API");

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).startsWith("FINDER ") && !lines.get(0).endsWith("JsonLoggerFinder"), output);
        assertEquals(3, lines.size(), "one line each, nothing below INFO:\n" + output);
        JsonObject fields = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals("INFO", fields.get("level").getAsString());
        assertEquals("hidden-1", fields.get("requestId").getAsString());
        assertEquals(200, fields.get("status").getAsInt());
        assertTrue(fields.has("timestamp"), lines.get(1));
        JsonObject message = JsonParser.parseString(lines.get(2)).getAsJsonObject();
        assertEquals("WARN", message.get("level").getAsString());
        assertEquals("hidden", message.get("logger").getAsString());
        assertEquals("plain words", message.get("message").getAsString());
    }

    private static String codeOf(Class<?> type) throws URISyntaxException, IOException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
