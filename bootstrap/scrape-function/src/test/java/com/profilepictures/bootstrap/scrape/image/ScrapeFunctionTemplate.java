package com.profilepictures.bootstrap.scrape.image;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What template.yaml deploys as the scrape function (the function that serves {@code POST /scrape}): its
 * environment, memory, timeout and image build context, read from the template itself so that the image
 * runs here as it is configured there.
 */
public final class ScrapeFunctionTemplate {

    /** A value CloudFormation computes at deploy time ({@code !Ref}, {@code !Sub}, {@code !GetAtt} …). */
    private record Computed(String tag, Object argument) {
        @Override
        public String toString() {
            return tag + " " + argument;
        }
    }

    private final Path root;
    private final Map<String, Object> parameters;
    private final Map<String, Object> globals;
    private final Map<String, Object> function;
    private final Map<String, Object> metadata;

    private ScrapeFunctionTemplate(
            Path root,
            Map<String, Object> parameters,
            Map<String, Object> globals,
            Map<String, Object> function,
            Map<String, Object> metadata) {
        this.root = root;
        this.parameters = parameters;
        this.globals = globals;
        this.function = function;
        this.metadata = metadata;
    }

    /** The template of the checkout that holds the working directory (Maven runs tests in the module's folder). */
    public static ScrapeFunctionTemplate load() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return load(dir.resolve("template.yaml"));
            }
        }
        throw new IllegalStateException(
                "No template.yaml here or above " + Path.of("").toAbsolutePath());
    }

    public static ScrapeFunctionTemplate load(Path templateFile) {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(templateFile, StandardCharsets.UTF_8)) {
            document = map(new Yaml(new CloudFormationConstructor()).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> globals = map(map(document.get("Globals")).get("Function"));
        for (Map.Entry<String, Object> resource : map(document.get("Resources")).entrySet()) {
            Map<String, Object> properties = map(map(resource.getValue()).get("Properties"));
            for (Object event : map(properties.get("Events")).values()) {
                Map<String, Object> api = map(map(event).get("Properties"));
                if ("/scrape".equals(api.get("Path"))) {
                    return new ScrapeFunctionTemplate(
                            templateFile.toAbsolutePath().getParent(),
                            map(document.get("Parameters")),
                            globals,
                            properties,
                            map(map(resource.getValue()).get("Metadata")));
                }
            }
        }
        throw new IllegalStateException(templateFile + " has no function serving /scrape");
    }

    /**
     * The function's environment variables (the Globals' with the function's own on top), the values the
     * template computes at deploy time taken from {@code deployTimeValues}, or, for a {@code !Ref} to one of
     * the template's parameters, its default, as a deploy that sets none gets; fails if one is missing there,
     * so that a new computed variable cannot go untested.
     */
    public Map<String, String> environment(Map<String, String> deployTimeValues) {
        Map<String, Object> declared =
                new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
        declared.putAll(map(map(function.get("Environment")).get("Variables")));
        Map<String, String> environment = new TreeMap<>();
        declared.forEach((name, value) -> {
            if (value instanceof Computed computed) {
                String given = deployTimeValues.get(name);
                Object parameterDefault = computed.tag().equals("!Ref")
                        ? map(parameters.get(String.valueOf(computed.argument())))
                                .get("Default")
                        : null;
                if (given == null && parameterDefault != null) {
                    given = String.valueOf(parameterDefault);
                }
                if (given == null) {
                    throw new IllegalArgumentException(
                            "template.yaml sets " + name + " to " + computed + " at deploy time: give its test value");
                }
                environment.put(name, given);
            } else {
                environment.put(name, String.valueOf(value));
            }
        });
        return environment;
    }

    public int memorySizeMegabytes() {
        return ((Number) property("MemorySize")).intValue();
    }

    public int timeoutSeconds() {
        return ((Number) property("Timeout")).intValue();
    }

    /**
     * {@code LoggingConfig.LogFormat} (Lambda passes it to the runtime as {@code AWS_LAMBDA_LOG_FORMAT}), TEXT if unset.
     * SAM merges the function's LoggingConfig into the Globals' one, key by key, the function's winning.
     */
    public String logFormat() {
        Object format = map(function.get("LoggingConfig")).get("LogFormat");
        if (format == null) {
            format = map(globals.get("LoggingConfig")).get("LogFormat");
        }
        return format == null ? "Text" : String.valueOf(format);
    }

    /**
     * {@code LoggingConfig.ApplicationLogLevel}, a parameter's default where it is a {@code !Ref} to one, merged as
     * {@link #logFormat()} is; empty if unset. Under the JSON format Lambda passes it to the runtime as
     * {@code AWS_LAMBDA_LOG_LEVEL}, and the runtime client drops lines below it.
     */
    public Optional<String> applicationLogLevel() {
        Object level = map(function.get("LoggingConfig")).get("ApplicationLogLevel");
        if (level == null) {
            level = map(globals.get("LoggingConfig")).get("ApplicationLogLevel");
        }
        if (level instanceof Computed computed && computed.tag().equals("!Ref")) {
            level = map(parameters.get(String.valueOf(computed.argument()))).get("Default");
        }
        return level == null || level instanceof Computed ? Optional.empty() : Optional.of(String.valueOf(level));
    }

    /** The folder {@code sam build} sends as the image's build context. */
    public Path dockerContext() {
        return root.resolve(String.valueOf(metadata.get("DockerContext"))).normalize();
    }

    public Path dockerfile() {
        return dockerContext().resolve(String.valueOf(metadata.getOrDefault("Dockerfile", "Dockerfile")));
    }

    /** The handler Lambda passes the image as its command ({@code ImageConfig.Command}). */
    public List<?> imageCommand() {
        return (List<?>) map(function.get("ImageConfig")).get("Command");
    }

    private Object property(String name) {
        Object own = function.get(name);
        return own != null ? own : globals.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            // Any tag the safe constructor does not know is one of CloudFormation's short forms.
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object argument = node instanceof ScalarNode scalar ? constructScalar(scalar) : node.toString();
                    return new Computed(node.getTag().getValue(), argument);
                }
            });
        }
    }
}
