package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.GetPictureHistoryHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import java.util.List;
import java.util.Map;

/** Lambda entry of {@code GET /user/{handle}/history}, named in template.yaml. */
public final class GetPictureHistoryFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final GetPictureHistoryHandler handler;
    private final Priming priming;

    /** As Lambda builds it: configured by the process's environment. */
    public GetPictureHistoryFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public GetPictureHistoryFunction(Environment environment) {
        GetPictureHistoryComponent component =
                DaggerGetPictureHistoryComponent.factory().create(environment);
        // The handler itself, not just the component (Dagger builds lazily): the DynamoDB client is then built
        // in Lambda's init phase, before a SnapStart snapshot, rather than by the first request.
        handler = component.handler();
        // The priming handle is not stored, so its request ends before the history is read: the query is warmed
        // directly, read-only (the first page of a handle with no history).
        priming = Priming.register(
                this,
                Priming.get("/user/{handle}/history", Map.of("handle", Priming.HANDLE)),
                List.of(() -> component.history().list(Handle.of(Priming.HANDLE), PageRequest.first(1))));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handle(event, context);
    }
}
