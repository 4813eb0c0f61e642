package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.ListProfilePicturesHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/** Lambda entry of {@code GET /users}, named in template.yaml. */
public final class ListProfilePicturesFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final ListProfilePicturesHandler handler;
    private final Priming priming;

    /** As Lambda builds it: configured by the process's environment. */
    public ListProfilePicturesFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public ListProfilePicturesFunction(Environment environment) {
        // The handler itself, not just the component (Dagger builds lazily): the DynamoDB client is then built
        // in Lambda's init phase, before a SnapStart snapshot, rather than by the first request.
        handler =
                DaggerListProfilePicturesComponent.factory().create(environment).handler();
        priming = Priming.register(this, Priming.get("/users"));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handle(event, context);
    }
}
