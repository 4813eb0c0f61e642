package com.profilepictures.bootstrap.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of {@code template.yaml} the local API needs: which entry class serves which route. The
 * local API reads them from the template itself so that local and deployed routing cannot drift.
 */
public final class SamTemplate {

    /** One API event of one function: {@code method path} is served by {@code entryClass::entryMethod}. */
    public record Route(String functionId, String method, String path, String entryClass, String entryMethod) {}

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new CloudFormationConstructor()).load(reader);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + " is not a SAM template (no top-level mapping).");
            }
            return new SamTemplate(cast(loaded));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole template as maps, lists and strings; intrinsic functions ({@code !Ref x}) read as their argument. */
    public Map<String, Object> document() {
        return document;
    }

    /** The resources of {@code type}, by logical id. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        Map<String, Object> resources = cast(document.getOrDefault("Resources", Map.of()));
        resources.forEach((id, value) -> {
            Map<String, Object> resource = cast(value);
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /**
     * A response API Gateway gives by itself (to an unknown route, a request too large, a failed function),
     * as the template writes it: a status, header mappings ({@code 'literal'} or {@code context.requestId})
     * and body templates by content type.
     */
    public record GatewayResponse(
            String type, String statusCode, Map<String, String> headers, Map<String, String> templates) {}

    /** The {@code GatewayResponses} of the template's one REST API, by response type. */
    public Map<String, GatewayResponse> gatewayResponses() {
        Map<String, Map<String, Object>> apis = resources("AWS::Serverless::Api");
        if (apis.size() != 1) {
            throw new IllegalArgumentException("Expected one AWS::Serverless::Api, found " + apis.keySet() + ".");
        }
        Map<String, Object> properties = cast(apis.values().iterator().next().getOrDefault("Properties", Map.of()));
        Map<String, Object> responses = cast(properties.getOrDefault("GatewayResponses", Map.of()));
        Map<String, GatewayResponse> found = new LinkedHashMap<>();
        responses.forEach((type, value) -> {
            Map<String, Object> response = cast(value);
            Map<String, Object> parameters = cast(response.getOrDefault("ResponseParameters", Map.of()));
            found.put(
                    type,
                    new GatewayResponse(
                            type,
                            String.valueOf(response.get("StatusCode")),
                            strings(parameters.getOrDefault("Headers", Map.of())),
                            strings(response.getOrDefault("ResponseTemplates", Map.of()))));
        });
        return found;
    }

    /** Every API route of every function, with the entry class that serves it. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        resources("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> properties = cast(function.getOrDefault("Properties", Map.of()));
            String handler = entryPoint(id, properties);
            String[] parts = handler.split("::", 2);
            String entryMethod = parts.length == 2 ? parts[1] : "handleRequest";
            Map<String, Object> events = cast(properties.getOrDefault("Events", Map.of()));
            events.values().forEach(value -> {
                Map<String, Object> event = cast(value);
                if ("Api".equals(event.get("Type"))) {
                    Map<String, Object> api = cast(event.get("Properties"));
                    routes.add(new Route(
                            id,
                            String.valueOf(api.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(api.get("Path")),
                            parts[0],
                            entryMethod));
                }
            });
        });
        return routes;
    }

    /** Every DynamoDB stream event of every function, with the table whose stream it reads. */
    public List<StreamEvent> streamEvents() {
        List<StreamEvent> found = new ArrayList<>();
        resources("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> properties = cast(function.getOrDefault("Properties", Map.of()));
            Map<String, Object> events = cast(properties.getOrDefault("Events", Map.of()));
            events.forEach((name, value) -> {
                Map<String, Object> event = cast(value);
                if (!"DynamoDB".equals(event.get("Type"))) {
                    return;
                }
                found.add(StreamEvent.from(
                        id, name, entryPoint(id, properties), cast(event.getOrDefault("Properties", Map.of()))));
            });
        });
        return found;
    }

    /**
     * The environment variable through which the template hands the functions {@code logicalId}'s name
     * ({@code TABLE_NAME: !Ref ProfilePicturesTable}), in the globals or in any function.
     */
    public java.util.Optional<String> variableNaming(String logicalId) {
        for (String function : resources("AWS::Serverless::Function").keySet()) {
            for (Map.Entry<String, String> variable : environmentOf(function).entrySet()) {
                if (logicalId.equals(variable.getValue())) {
                    return java.util.Optional.of(variable.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The environment variables the template gives function {@code functionId}: the globals', then its own, as
     * written ({@code !Ref X} reads as {@code X}).
     */
    public Map<String, String> environmentOf(String functionId) {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, Object> globals = cast(document.getOrDefault("Globals", Map.of()));
        Map<String, Object> globalFunction = cast(globals.getOrDefault("Function", Map.of()));
        variables.putAll(variables(globalFunction.get("Environment")));
        Map<String, Object> function = resources("AWS::Serverless::Function").get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no function " + functionId + ".");
        }
        variables.putAll(variables(SamTemplate.<Map<String, Object>>cast(function.getOrDefault("Properties", Map.of()))
                .get("Environment")));
        return variables;
    }

    private static Map<String, String> variables(Object environment) {
        if (environment instanceof Map<?, ?> map && map.get("Variables") instanceof Map<?, ?> variables) {
            return strings(variables);
        }
        return Map.of();
    }

    // A zip function names its entry in Handler; an image function in ImageConfig.Command.
    private static String entryPoint(String id, Map<String, Object> properties) {
        Object handler = properties.get("Handler");
        if (handler == null
                && properties.get("ImageConfig") instanceof Map<?, ?> imageConfig
                && imageConfig.get("Command") instanceof List<?> command
                && !command.isEmpty()) {
            handler = command.get(0);
        }
        if (!(handler instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("Function " + id + " names no Handler or ImageConfig.Command.");
        }
        return name;
    }

    private static Map<String, String> strings(Object mapping) {
        Map<String, String> values = new LinkedHashMap<>();
        SamTemplate.<Map<String, Object>>cast(mapping).forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** Reads CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt} …) as plain values. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar) {
                        return constructScalar(scalar);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructMapping((MappingNode) node);
                }
            });
        }
    }
}
