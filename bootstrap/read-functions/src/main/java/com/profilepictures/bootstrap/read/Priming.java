package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.PlainContext;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A read function's own path, run once before the SnapStart snapshot: one real, read-only request
 * through the entry class, so that the snapshot already holds the SDK client's, the handler's and the
 * response writers' classes loaded, initialised and compiled, instead of every restored sandbox's
 * first client paying for them. Every read function keeps one in a field, set in its constructor:
 *
 * <pre>{@code priming = Priming.register(this, Priming.get("/users"));}</pre>
 *
 * The field is what makes it run: the CRaC context holds its resources weakly, and collects one that
 * nothing else holds before the snapshot is taken.
 */
public final class Priming implements Resource {

    /** A valid handle that priming reads; whether or not a picture is stored for it, nothing is written. */
    public static final String HANDLE = "priming";
    /**
     * The request id of the priming request: its request log line carries it, and {@code "priming":true}, as
     * does every line logged while priming runs.
     */
    public static final String REQUEST_ID = "snapstart-priming";
    // A name that can never resolve (RFC 2606): the priming request's links point nowhere.
    private static final String PRIMING_HOST = "snapstart-priming.invalid";

    private static final System.Logger LOG = System.getLogger(Priming.class.getName());

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function;
    private final APIGatewayProxyRequestEvent request;
    private final List<Runnable> warmUps;

    private Priming(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function,
            APIGatewayProxyRequestEvent request,
            List<Runnable> warmUps) {
        this.function = function;
        this.request = request;
        this.warmUps = warmUps;
    }

    /** Registers {@code function}'s priming with the global CRaC context; keep the result in a field. */
    public static Priming register(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function,
            APIGatewayProxyRequestEvent request) {
        return register(function, request, List.of());
    }

    /**
     * As {@link #register(RequestHandler, APIGatewayProxyRequestEvent)}, with read-only calls of the function's own
     * ports made first, for what the priming request cannot reach: a handle that is not stored is answered
     * before the history is queried or a URL signed. A warm-up that throws is logged and skipped.
     */
    public static Priming register(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function,
            APIGatewayProxyRequestEvent request,
            List<Runnable> warmUps) {
        Priming priming = new Priming(function, request, List.copyOf(warmUps));
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** A GET of {@code resource} (a route of template.yaml), its path parameters substituted. */
    public static APIGatewayProxyRequestEvent get(String resource, Map<String, String> pathParameters) {
        String path = resource;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withResource(resource)
                .withPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                // As API Gateway sends it: the bodies' links to the image route are built from the Host.
                .withHeaders(Map.of("Host", PRIMING_HOST, "X-Forwarded-Proto", "https"))
                .withIsBase64Encoded(false);
    }

    public static APIGatewayProxyRequestEvent get(String resource) {
        return get(resource, Map.of());
    }

    /**
     * Never throws: a snapshot taken unprimed only costs the first request some time, while a hook that
     * throws fails the deployment. The handler answers every failure (say, DynamoDB unreachable) itself,
     * in its marked log line; anything thrown past it is logged here in one line.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        JsonLoggerFinder.withFields(Map.of("priming", true), () -> {
            for (Runnable warmUp : warmUps) {
                try {
                    warmUp.run();
                } catch (Throwable failure) {
                    warn("a warm-up failed", failure);
                }
            }
            try {
                function.handleRequest(request, new PlainContext(REQUEST_ID, "snapstart-priming", 10_000));
            } catch (Throwable failure) {
                warn("SnapStart priming failed; the snapshot is taken unprimed", failure);
            }
        });
    }

    private void warn(String message, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", REQUEST_ID);
        line.put("route", request.getResource());
        line.put("message", message);
        line.put("exception", String.valueOf(failure));
        LOG.log(System.Logger.Level.WARNING, (ResourceBundle) null, "{0}", line);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the client refreshes its credentials and drops expired pooled connections itself.
    }
}
