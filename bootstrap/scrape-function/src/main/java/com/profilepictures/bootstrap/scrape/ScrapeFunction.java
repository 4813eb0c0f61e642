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

    // Built once per container; the browser itself starts on the first scrape and is then reused by
    // warm invocations. Lambda freezes the container between them, so nothing here runs in the background.
    private static final ScrapeComponent COMPONENT =
            DaggerScrapeComponent.factory().create(Environment.current());

    static {
        // No browser outlives the process that started it: closed by the shutdown hook on SIGTERM or Ctrl-C
        // (make run, a container); Lambda sends SIGTERM only with an extension, and otherwise ends the sandbox.
        Lifecycle.process().closeOnExit(COMPONENT.browser());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return COMPONENT.handler().handle(event, context);
    }
}
