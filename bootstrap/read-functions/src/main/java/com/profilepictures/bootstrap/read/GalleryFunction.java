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

    // Built in Lambda's init phase, before a SnapStart snapshot: the page, its hashes and the archive's origin.
    private static final GalleryHandler HANDLER =
            DaggerGalleryComponent.factory().create(Environment.current()).handler();

    private final Priming priming = Priming.register(this, Priming.get("/"));

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return HANDLER.handle(event, context);
    }
}
