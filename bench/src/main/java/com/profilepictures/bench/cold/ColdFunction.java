package com.profilepictures.bench.cold;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.PlainContext;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One cold invocation, as a fresh Lambda sandbox makes it: read the event, initialise the entry class
 * (its static Dagger component builds the DynamoDB client), call handleRequest once, exit.
 * Arguments: entry class, event file. Prints one {@code COLD} line that ColdStartRunner reads.
 */
public final class ColdFunction {

    private ColdFunction() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        APIGatewayProxyRequestEvent event = ProxyEventFile.read(Path.of(args[1]));
        long parsed = System.nanoTime();
        Class<?> entry = Class.forName(args[0], true, ColdFunction.class.getClassLoader());
        // Lambda's init phase: the class loaded and initialised, and its instance built (the handler with it).
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
                entry.getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(event, new PlainContext("cold-start", "bench", 29_000));
        Instant answered = Instant.now();
        long done = System.nanoTime();
        if (response.getStatusCode() != 200) {
            System.err.println("Unexpected answer " + response.getStatusCode() + ": " + response.getBody());
            System.exit(2);
        }
        System.out.println(
                "COLD answeredEpochNanos=" + (answered.getEpochSecond() * 1_000_000_000L + answered.getNano())
                        + " parseNanos=" + (parsed - start) + " initNanos=" + (initialised - parsed)
                        + " firstCallNanos=" + (done - initialised));
    }
}
