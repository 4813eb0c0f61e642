package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.InvalidConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the template's functions for the local API, each once, on its first invocation as Lambda starts a
 * function: the entry class the template names, through its constructor taking an {@link Environment}. That
 * environment is the function's own, built from the template: the local environment (the process's, with the
 * local endpoints), and every variable the template gives the function that names a table or a bucket set
 * to that resource's local name ({@code TABLE_NAME: !Ref ProfilePicturesTable}). Values the template writes
 * out ({@code SCRAPE_TIMEOUT: PT16S}) are the deployed settings; locally the process's own variable, or the
 * local default docs/API.md gives, applies.
 */
final class FunctionLoader {

    private final SamTemplate template;
    private final LocalInfrastructure infrastructure;
    private final Map<String, RequestHandler<?, ?>> loaded = new ConcurrentHashMap<>();

    FunctionLoader(SamTemplate template, LocalInfrastructure infrastructure) {
        this.template = template;
        this.infrastructure = infrastructure;
    }

    /** Function {@code functionId}'s entry class {@code entryClass}, built on the first call. */
    @SuppressWarnings("unchecked")
    <I, O> RequestHandler<I, O> function(String functionId, String entryClass) {
        return (RequestHandler<I, O>) loaded.computeIfAbsent(functionId, id -> load(id, entryClass));
    }

    /** The environment function {@code functionId} is built with. */
    Environment environmentOf(String functionId) {
        Map<String, String> resources = new LinkedHashMap<>();
        template.environmentOf(functionId)
                .forEach((variable, value) ->
                        infrastructure.nameOf(value).ifPresent(name -> resources.put(variable, name)));
        return infrastructure.environment().with(resources);
    }

    private RequestHandler<?, ?> load(String functionId, String entryClass) {
        Environment environment = environmentOf(functionId);
        try {
            return (RequestHandler<?, ?>)
                    Class.forName(entryClass).getConstructor(Environment.class).newInstance(environment);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidConfigurationException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(functionId + " (" + entryClass + ") failed to start: " + e.getCause(), e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "template.yaml names " + entryClass + ", which is no RequestHandler with a public constructor "
                            + "taking an Environment",
                    e);
        }
    }
}
