package com.profilepictures.bootstrap.scrape;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.Lifecycle;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/** Lambda entry of {@code POST /scrape}, named in template.yaml's ImageConfig.Command. */
public final class ScrapeFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final ScrapeComponent component;

    /** As Lambda builds it: configured by the process's environment. */
    public ScrapeFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public ScrapeFunction(Environment environment) {
        // Built once per container; the browser itself starts on the first scrape and is then reused by
        // warm invocations. Lambda freezes the container between them, so nothing here runs in the background.
        component = DaggerScrapeComponent.factory().create(environment);
        // No browser outlives the process that started it: closed by the shutdown hook on SIGTERM or Ctrl-C
        // (make run, a container); Lambda sends SIGTERM only with an extension, and otherwise ends the sandbox.
        Lifecycle.process().closeOnExit(component.browser());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return component.handler().handle(event, context);
    }
}
