package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.GetArchivedImageHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Lambda entry of {@code GET /user/{handle}/profile_pic/image}, named in template.yaml. */
public final class GetArchivedImageFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static {
        JsonLoggerFinder.install();
    }

    private final GetArchivedImageHandler handler;
    private final Priming priming;

    /** As Lambda builds it: configured by the process's environment. */
    public GetArchivedImageFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public GetArchivedImageFunction(Environment environment) {
        GetArchivedImageComponent component =
                DaggerGetArchivedImageComponent.factory().create(environment);
        // The handler itself, not just the component (Dagger builds lazily): the DynamoDB client and S3's
        // presigner are then built in Lambda's init phase, before a SnapStart snapshot, not by the first request.
        handler = component.handler();
        // The priming handle is not stored, so its request ends before the history and the signature: both are
        // warmed directly, read-only (a query of a handle with no history, a URL signed locally, never used).
        priming = Priming.register(
                this,
                Priming.get("/user/{handle}/profile_pic/image", Map.of("handle", Priming.HANDLE)),
                List.of(
                        () -> component.history().list(Handle.of(Priming.HANDLE), PageRequest.first(1)),
                        () -> component.archive().presign(ImageVersion.of("0".repeat(64)), Duration.ofMinutes(1))));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handle(event, context);
    }
}
