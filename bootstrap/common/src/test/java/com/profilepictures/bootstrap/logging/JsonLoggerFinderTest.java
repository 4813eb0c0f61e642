package com.profilepictures.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class JsonLoggerFinderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T07:00:00.123Z");

    private record Written(Level level, String line) {
        JsonObject json() {
            return JsonParser.parseString(line).getAsJsonObject();
        }
    }

    private final List<Written> written = new ArrayList<>();
    private final JsonLines lines = new JsonLines(
            (level, line) -> written.add(new Written(level, line)), Clock.fixed(NOW, ZoneOffset.UTC), Level.INFO);
    private final JsonLogger logger = new JsonLogger("com.example.Thing", lines);

    @Test
    void givenTheJdkLooksForALoggerFinder_getLoggerFinder_findsThisOne() {
        assertInstanceOf(JsonLoggerFinder.class, System.LoggerFinder.getLoggerFinder());
    }

    @Test
    void givenAMapOfFields_log_writesThemAsOneJsonObjectAfterTheLevel() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", "2026-12-06T06:59:59.500Z");
        fields.put("requestId", "req-1");
        fields.put("status", 200);
        fields.put("firstPage", true);
        fields.put("image", null);

        logger.log(Level.INFO, (Object) fields);

        assertEquals(1, written.size());
        assertEquals(
                "{\"level\":\"INFO\",\"timestamp\":\"2026-12-06T06:59:59.500Z\",\"requestId\":\"req-1\","
                        + "\"status\":200,\"firstPage\":true,\"image\":null}",
                written.get(0).line());
    }

    @Test
    void givenAMapAsTheOneParameterOfTheFormatZero_log_writesItsFields() {
        logger.log(Level.INFO, (ResourceBundle) null, "{0}", Map.of("requestId", "req-2"));

        JsonObject line = written.get(0).json();
        assertEquals("req-2", line.get("requestId").getAsString());
        assertFalse(line.has("message"), written.get(0).line());
    }

    @Test
    void givenALineWithoutItsOwnTimestamp_log_stampsItWithTheClock() {
        logger.log(Level.WARNING, (Object) Map.of("outcome", "failed"));

        JsonObject line = written.get(0).json();
        assertEquals("WARN", line.get("level").getAsString());
        assertEquals(NOW.toString(), line.get("timestamp").getAsString());
        assertEquals(Level.WARNING, written.get(0).level());
    }

    @Test
    void givenAMessageAndAnException_log_writesOneLineWithTheLoggerAndWhereItWasThrownButNoStackTrace() {
        logger.log(Level.ERROR, "could not \"stop\" it\n", new IllegalStateException("boom"));

        assertEquals(1, written.size());
        assertFalse(written.get(0).line().contains("\n"), written.get(0).line());
        JsonObject line = written.get(0).json();
        assertEquals("ERROR", line.get("level").getAsString());
        assertEquals("com.example.Thing", line.get("logger").getAsString());
        assertEquals("could not \"stop\" it\n", line.get("message").getAsString());
        assertEquals(
                IllegalStateException.class.getName(), line.get("exception").getAsString());
        assertTrue(line.get("where").getAsString().contains("JsonLoggerFinderTest"), line.toString());
        assertFalse(line.has("stackTrace"), "a line never carries a stack trace");
    }

    @Test
    void givenParameters_log_formatsTheMessageAsSystemLoggerSays() {
        logger.log(Level.INFO, "{0} of {1}", 3, 4);

        assertEquals("3 of 4", written.get(0).json().get("message").getAsString());
    }

    @Test
    void givenALevelBelowInfo_log_writesNothing() {
        logger.log(Level.DEBUG, "noise");
        logger.log(Level.TRACE, (Object) Map.of("a", 1));

        assertTrue(written.isEmpty(), written.toString());
        assertFalse(logger.isLoggable(Level.DEBUG));
        assertTrue(logger.isLoggable(Level.INFO));
    }

    @Test
    void givenScopedFields_log_addsThemToTheThreadsLinesUntilTheScopeEnds() {
        lines.withFields(Map.of("priming", true), () -> logger.log(Level.INFO, "inside"));
        logger.log(Level.INFO, "outside");

        assertTrue(written.get(0).json().get("priming").getAsBoolean());
        assertFalse(written.get(1).json().has("priming"));
    }

    @Test
    void givenAnEmbeddedMetricFormatLine_log_writesItsNestedObjectsAndArrays() {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        NOW.toEpochMilli(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                "profile-pictures",
                                "Dimensions",
                                List.of(List.of("route")),
                                "Metrics",
                                List.of(Map.of("Name", "durationMs", "Unit", "Milliseconds"))))));
        metric.put("route", "/users");
        metric.put("durationMs", 12);

        logger.log(Level.INFO, (Object) metric);

        JsonObject line = written.get(0).json();
        JsonObject aws = line.getAsJsonObject("_aws");
        assertEquals(NOW.toEpochMilli(), aws.get("Timestamp").getAsLong());
        assertEquals(
                "route",
                aws.getAsJsonArray("CloudWatchMetrics")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("Dimensions")
                        .get(0)
                        .getAsJsonArray()
                        .get(0)
                        .getAsString());
        assertEquals(12, line.get("durationMs").getAsInt());
    }

    @Test
    void givenEachLevel_lambdaLevel_isLambdasOwnName() {
        assertEquals(LogLevel.INFO, JsonLines.lambdaLevel(Level.INFO));
        assertEquals(LogLevel.WARN, JsonLines.lambdaLevel(Level.WARNING));
        assertEquals(LogLevel.ERROR, JsonLines.lambdaLevel(Level.ERROR));
        assertEquals(LogLevel.DEBUG, JsonLines.lambdaLevel(Level.DEBUG));
        assertEquals(LogLevel.TRACE, JsonLines.lambdaLevel(Level.TRACE));
    }

    @Test
    void givenALogLevel_threshold_readsSystemLoggersNamesAndLambdas() {
        assertEquals(Level.WARNING, JsonLines.threshold("warn"));
        assertEquals(Level.WARNING, JsonLines.threshold("WARNING"));
        assertEquals(Level.OFF, JsonLines.threshold("OFF"));
        assertEquals(Level.DEBUG, JsonLines.threshold(" debug "));
        assertEquals(Level.INFO, JsonLines.threshold("loud"));
    }

    @Test
    void givenAThresholdOfWarningOrOff_log_writesOnlyWhatReachesIt() {
        var quiet = new JsonLogger(
                "q",
                new JsonLines(
                        (level, line) -> written.add(new Written(level, line)), Clock.systemUTC(), Level.WARNING));
        var silent = new JsonLogger(
                "s",
                new JsonLines((level, line) -> written.add(new Written(level, line)), Clock.systemUTC(), Level.OFF));

        quiet.log(Level.INFO, "dropped");
        quiet.log(Level.WARNING, "kept");
        silent.log(Level.ERROR, "dropped too");

        assertEquals(1, written.size(), written.toString());
        assertEquals("kept", written.get(0).json().get("message").getAsString());
    }

    @Test
    void givenALocalLogStream_systemLogger_writesEveryLineThere() {
        var stream = new ByteArrayOutputStream();
        JsonLoggerFinder.writeLocallyTo(new PrintStream(stream, true, StandardCharsets.UTF_8));
        try {
            System.getLogger("local").log(Level.WARNING, (Object) Map.of("requestId", "local-1"));
        } finally {
            JsonLines.writeLocallyTo(null);
        }

        JsonObject line = JsonParser.parseString(
                        stream.toString(StandardCharsets.UTF_8).strip())
                .getAsJsonObject();
        assertEquals("WARN", line.get("level").getAsString());
        assertEquals("local-1", line.get("requestId").getAsString());
    }
}
