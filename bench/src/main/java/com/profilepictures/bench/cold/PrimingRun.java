package com.profilepictures.bench.cold;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.PlainContext;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * A read function's first request in a sandbox restored from a primed snapshot, or from an unprimed
 * one: the entry class is built as Lambda's init builds it; when primed, Lambda's own CRaC context (the
 * runtime interface client's, named by {@code -Dorg.crac.Core.Compat} as on Lambda) runs the checkpoint
 * hooks; then one request is timed and the classes it loads are counted. Both kinds of run use the same
 * classpath and options. Arguments: entry class, event file, {@code primed} or {@code unprimed}.
 * Prints one {@code PRIMING} line that ColdStartRunner reads.
 */
public final class PrimingRun {

    private PrimingRun() {}

    public static void main(String[] args) throws Exception {
        // As the Lambda runtime does on start: its CRaC context calls into this native library after the hooks.
        JniHelper.load();
        APIGatewayProxyRequestEvent event = ProxyEventFile.read(Path.of(args[1]));
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        PlainContext context = new PlainContext("priming-bench", "bench", 29_000);

        long hooksStarted = System.nanoTime();
        if (args[2].equals("primed")) {
            com.amazonaws.services.lambda.crac.Core.getGlobalContext().beforeCheckpoint(null);
            com.amazonaws.services.lambda.crac.Core.getGlobalContext().afterRestore(null);
        }
        long hooksNanos = System.nanoTime() - hooksStarted;

        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long loadedBefore = classes.getTotalLoadedClassCount();
        long started = System.nanoTime();
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, context);
        long firstRequestNanos = System.nanoTime() - started;
        long loaded = classes.getTotalLoadedClassCount() - loadedBefore;
        if (response.getStatusCode() != 200) {
            System.err.println("Unexpected answer " + response.getStatusCode() + ": " + response.getBody());
            System.exit(2);
        }
        System.out.println("PRIMING hooksNanos=" + hooksNanos + " firstRequestNanos=" + firstRequestNanos
                + " classesLoaded=" + loaded);
    }
}
