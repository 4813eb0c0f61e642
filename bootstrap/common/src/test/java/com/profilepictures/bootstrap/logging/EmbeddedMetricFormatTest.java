package com.profilepictures.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one logger's metric lines held to CloudWatch's embedded metric format specification: the root's
 * {@code _aws} member with a millisecond {@code Timestamp} and {@code CloudWatchMetrics} directives, each with a
 * {@code Namespace}, {@code Dimensions} (arrays of at most 30 names of the root's string members) and
 * {@code Metrics} (at most 100 definitions naming the root's number members, with a unit CloudWatch knows).
 */
class EmbeddedMetricFormatTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00.123Z");
    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private final List<String> written = new ArrayList<>();
    private final JsonLines lines = new JsonLines(
            (level, line) -> written.add(line),
            Clock.fixed(T0, ZoneOffset.UTC),
            Level.INFO,
            new MetricLines("ProfilePicturesTest"));

    @Test
    void givenALineWithMetrics_write_writesItInTheEmbeddedMetricFormat() {
        lines.write(Level.INFO, line(Map.of("source", "crawler", "verdict", "stored"), "Scrapes", "source", "verdict"));

        JsonObject root = onlyLine();
        assertTheSpecificationHolds(root);
        JsonObject directive = root.getAsJsonObject("_aws")
                .getAsJsonArray("CloudWatchMetrics")
                .get(0)
                .getAsJsonObject();
        assertEquals("ProfilePicturesTest", directive.get("Namespace").getAsString());
        assertEquals("[[\"source\",\"verdict\"]]", directive.get("Dimensions").toString());
        assertEquals(
                "[{\"Name\":\"Scrapes\",\"Unit\":\"Count\"}]",
                directive.get("Metrics").toString());
        assertEquals(1, root.get("Scrapes").getAsInt());
        assertEquals(
                T0.toEpochMilli(), root.getAsJsonObject("_aws").get("Timestamp").getAsLong());
        assertFalse(root.has("metrics"), "the request is replaced by the format's own members");
    }

    @Test
    void givenALineWithItsOwnTimestamp_write_stampsTheMetricWithIt() {
        Map<String, Object> fields = line(Map.of("outcome", "archived"), "ArchiveOutcomes", "outcome");
        fields.put("timestamp", "2026-12-06T07:59:00Z");

        lines.write(Level.INFO, fields);

        assertEquals(
                Instant.parse("2026-12-06T07:59:00Z").toEpochMilli(),
                onlyLine().getAsJsonObject("_aws").get("Timestamp").getAsLong());
    }

    @Test
    void givenADimensionTheLineDoesNotCarry_write_keepsTheLineAndSaysWhyItHasNoMetric() {
        lines.write(Level.INFO, line(Map.of("source", "crawler"), "Scrapes", "source", "verdict"));

        JsonObject root = onlyLine();
        assertFalse(root.has("_aws"));
        assertEquals("crawler", root.get("source").getAsString());
        assertTrue(root.get("metricsError").getAsString().contains("verdict"), root.toString());
    }

    @Test
    void givenAMetricNamedLikeAFieldOfTheLine_write_refusesTheMetricNotTheLine() {
        lines.write(Level.INFO, line(Map.of("source", "crawler"), "source", "source"));

        JsonObject root = onlyLine();
        assertFalse(root.has("_aws"));
        assertEquals("crawler", root.get("source").getAsString());
    }

    @Test
    void givenABlankNamespace_metricLines_refuseIt() {
        assertThrows(IllegalArgumentException.class, () -> new MetricLines(" "));
    }

    // --- the specification ------------------------------------------------------------------------

    private static void assertTheSpecificationHolds(JsonObject root) {
        JsonObject aws = root.getAsJsonObject("_aws");
        assertTrue(aws.get("Timestamp").getAsJsonPrimitive().isNumber(), "Timestamp is a number of milliseconds");
        assertTrue(aws.get("Timestamp").getAsLong() >= 0);
        JsonArray directives = aws.getAsJsonArray("CloudWatchMetrics");
        assertFalse(directives.isEmpty(), "at least one directive");
        for (JsonElement each : directives) {
            JsonObject directive = each.getAsJsonObject();
            String namespace = directive.get("Namespace").getAsString();
            assertTrue(!namespace.isEmpty() && namespace.length() <= 255, "Namespace of 1 to 255 characters");
            for (JsonElement set : directive.getAsJsonArray("Dimensions")) {
                assertTrue(set.getAsJsonArray().size() <= 30, "at most 30 dimensions a set");
                for (JsonElement dimension : set.getAsJsonArray()) {
                    JsonElement member = root.get(dimension.getAsString());
                    assertTrue(
                            member != null
                                    && member.isJsonPrimitive()
                                    && member.getAsJsonPrimitive().isString(),
                            "dimension " + dimension + " names a string member of the root");
                }
            }
            JsonArray metrics = directive.getAsJsonArray("Metrics");
            assertTrue(!metrics.isEmpty() && metrics.size() <= 100, "1 to 100 metrics a directive");
            for (JsonElement definition : metrics) {
                String name = definition.getAsJsonObject().get("Name").getAsString();
                assertTrue(!name.isEmpty() && name.length() <= 1024, "Name of 1 to 1024 characters");
                JsonElement member = root.get(name);
                assertTrue(
                        member != null
                                && member.isJsonPrimitive()
                                && member.getAsJsonPrimitive().isNumber(),
                        "metric " + name + " names a number member of the root");
                JsonElement unit = definition.getAsJsonObject().get("Unit");
                assertTrue(unit == null || UNITS.contains(unit.getAsString()), "unit " + unit);
            }
        }
    }

    private static Map<String, Object> line(Map<String, String> fields, String metric, String... dimensions) {
        Map<String, Object> line = new LinkedHashMap<>(fields);
        line.put("metrics", Map.of("dimensions", List.of(dimensions), "values", Map.of(metric, 1)));
        return line;
    }

    private JsonObject onlyLine() {
        assertEquals(1, written.size(), written.toString());
        return JsonParser.parseString(written.get(0)).getAsJsonObject();
    }
}
