package com.profilepictures.bootstrap.logging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CloudWatch's embedded metric format, written by the one logger: a log line whose field {@value #FIELD} is
 * {@code {"dimensions": [field, …], "values": {name: number, …}}} gains an {@code _aws} block that tells
 * CloudWatch Logs to extract each value as a metric of this namespace, with the named fields (already on the
 * line) as its dimensions, at the line's own {@code timestamp}; the values become top-level fields, as the
 * format wants. No metrics library: one more field on a line the code writes anyway, and nothing at cold start.
 *
 * <p>Dimensions must come from bounded sets (a source, an outcome, a code), never a handle: each distinct
 * combination is a custom metric, billed as such.
 */
final class MetricLines {

    static final String FIELD = "metrics";
    static final String DEFAULT_NAMESPACE = "ProfilePictures";
    /** CloudWatch's limits: dimensions per metric (30) and metrics per line (100). */
    static final int MOST_DIMENSIONS = 30;

    static final int MOST_METRICS = 100;

    private final String namespace;

    MetricLines(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("A metrics namespace has 1 to 255 characters: '" + namespace + "'");
        }
        this.namespace = namespace;
    }

    /**
     * Turns {@code line}'s {@value #FIELD} field into the format's {@code _aws} block and top-level values. A
     * request that breaks the format (a dimension the line does not carry as text, a value that is no number)
     * drops the metrics and keeps the line, with a {@code metricsError} saying why: a metric is never worth a
     * lost log line.
     */
    void embed(Map<String, Object> line, Map<?, ?> metrics) {
        line.remove(FIELD);
        List<String> dimensions = new ArrayList<>();
        Map<String, Number> values = new LinkedHashMap<>();
        String problem = read(line, metrics, dimensions, values);
        if (problem != null) {
            line.put("metricsError", problem);
            return;
        }
        List<Map<String, Object>> definitions = new ArrayList<>();
        values.forEach((name, value) -> {
            line.put(name, value);
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("Name", name);
            definition.put("Unit", "Count");
            definitions.add(definition);
        });
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(dimensions));
        directive.put("Metrics", definitions);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestampMillis(line));
        aws.put("CloudWatchMetrics", List.of(directive));
        line.put("_aws", aws);
    }

    private static String read(
            Map<String, Object> line, Map<?, ?> metrics, List<String> dimensions, Map<String, Number> values) {
        if (!(metrics.get("dimensions") instanceof Collection<?> named) || named.size() > MOST_DIMENSIONS) {
            return "metrics need a list of at most " + MOST_DIMENSIONS + " dimensions";
        }
        for (Object dimension : named) {
            if (!(line.get(String.valueOf(dimension)) instanceof String)) {
                return "dimension " + dimension + " is not a text field of the line";
            }
            dimensions.add(String.valueOf(dimension));
        }
        if (!(metrics.get("values") instanceof Map<?, ?> given) || given.isEmpty() || given.size() > MOST_METRICS) {
            return "metrics need 1 to " + MOST_METRICS + " values";
        }
        for (Map.Entry<?, ?> value : given.entrySet()) {
            String name = String.valueOf(value.getKey());
            if (!(value.getValue() instanceof Number number) || line.containsKey(name) || name.equals("_aws")) {
                return "metric " + name + " is no number, or clashes with a field of the line";
            }
            values.put(name, number);
        }
        return null;
    }

    private static long timestampMillis(Map<String, Object> line) {
        try {
            return Instant.parse(String.valueOf(line.get("timestamp"))).toEpochMilli();
        } catch (DateTimeParseException notAnInstant) {
            return Instant.now().toEpochMilli();
        }
    }
}
