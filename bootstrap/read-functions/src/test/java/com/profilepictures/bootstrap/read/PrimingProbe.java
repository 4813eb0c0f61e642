package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.PlainContext;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Core;
import org.crac.Resource;

/**
 * One sandbox's life, in the fresh JVM PrimingTest starts: Lambda's init (the entry class built as the
 * runtime builds it), then, when primed, the snapshot's hooks run by Lambda's own CRaC context, then one
 * client request, whose newly loaded classes are counted. Prints one {@code PROBE} line.
 *
 * <p>Arguments: entry class, {@code primed} or {@code unprimed}, the route's resource, then its path
 * parameters as {@code name=value}.
 */
public final class PrimingProbe {

    private PrimingProbe() {}

    public static void main(String[] args) throws Exception {
        // As the Lambda runtime does on start: its CRaC context calls into this native library after the hooks.
        JniHelper.load();

        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> function =
                (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                        Class.forName(args[0]).getDeclaredConstructor().newInstance();

        // A resource that nothing holds: once collected it must never run, or "held weakly" proves nothing here.
        AtomicBoolean unheldRan = new AtomicBoolean();
        WeakReference<Resource> unheld = registerUnheld(unheldRan);
        for (int attempt = 0; attempt < 10 && unheld.get() != null; attempt++) {
            System.gc();
        }

        if (args[1].equals("primed")) {
            com.amazonaws.services.lambda.crac.Core.getGlobalContext().beforeCheckpoint(null);
            com.amazonaws.services.lambda.crac.Core.getGlobalContext().afterRestore(null);
        }

        APIGatewayProxyRequestEvent request = request(args);
        Context context = new PlainContext("probe-invocation", "priming-probe", 10_000);
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long before = classes.getTotalLoadedClassCount();
        APIGatewayProxyResponseEvent response = function.handleRequest(request, context);
        long loaded = classes.getTotalLoadedClassCount() - before;

        System.out.println("PROBE status=" + response.getStatusCode() + " classesLoaded=" + loaded + " unheldCollected="
                + (unheld.get() == null) + " unheldRan=" + unheldRan.get());
    }

    private static WeakReference<Resource> registerUnheld(AtomicBoolean ran) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
                ran.set(true);
            }

            @Override
            public void afterRestore(org.crac.Context<? extends Resource> context) {}
        };
        Core.getGlobalContext().register(resource);
        return new WeakReference<>(resource);
    }

    /** The request as API Gateway's proxy integration sends it. */
    private static APIGatewayProxyRequestEvent request(String[] args) {
        String resource = args[2];
        Map<String, String> pathParameters = new LinkedHashMap<>();
        String path = resource;
        for (int i = 3; i < args.length; i++) {
            String[] nameAndValue = args[i].split("=", 2);
            pathParameters.put(nameAndValue[0], nameAndValue[1]);
            path = path.replace("{" + nameAndValue[0] + "}", nameAndValue[1]);
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withResource(resource)
                .withPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(Map.of("Accept", "application/json", "Host", "api.example", "X-Forwarded-Proto", "https"))
                .withRequestContext(new ProxyRequestContext()
                        .withRequestId("probe-request")
                        .withHttpMethod("GET")
                        .withDomainName("api.example")
                        .withPath("/prod" + path))
                .withIsBase64Encoded(false);
    }
}
