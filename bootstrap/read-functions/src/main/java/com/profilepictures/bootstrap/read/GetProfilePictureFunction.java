package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.GetProfilePictureHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import java.util.Map;

/** Lambda entry of {@code GET /user/{handle}/profile_pic}, named in template.yaml. */
public final class GetProfilePictureFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final GetProfilePictureHandler handler;
    private final Priming priming;

    /** As Lambda builds it: configured by the process's environment. */
    public GetProfilePictureFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public GetProfilePictureFunction(Environment environment) {
        // The handler itself, not just the component (Dagger builds lazily): the DynamoDB client is then built
        // in Lambda's init phase, before a SnapStart snapshot, rather than by the first request.
        handler = DaggerGetProfilePictureComponent.factory().create(environment).handler();
        priming = Priming.register(this, Priming.get("/user/{handle}/profile_pic", Map.of("handle", Priming.HANDLE)));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handle(event, context);
    }
}
