package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.GalleryHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/** Lambda entry of {@code GET /}, the gallery page, named in template.yaml. */
public final class GalleryFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final GalleryHandler handler;
    private final Priming priming;

    /** As Lambda builds it: configured by the process's environment. */
    public GalleryFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public GalleryFunction(Environment environment) {
        // Built in Lambda's init phase, before a SnapStart snapshot: the page, its hashes and the archive's origin.
        handler = DaggerGalleryComponent.factory().create(environment).handler();
        priming = Priming.register(this, Priming.get("/"));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handle(event, context);
    }
}
