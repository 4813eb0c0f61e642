package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.GetArchivedImageHandler;
import com.profilepictures.bootstrap.Environment;
import java.util.Map;

/** Lambda entry of {@code GET /user/{handle}/profile_pic/image}, named in template.yaml. */
public final class GetArchivedImageFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // The handler itself, not just the component (Dagger builds lazily): the DynamoDB client and S3's
    // presigner are then built in Lambda's init phase, before a SnapStart snapshot, not by the first request.
    private static final GetArchivedImageHandler HANDLER = DaggerGetArchivedImageComponent.factory().create(Environment.current()).handler();

    private final Priming priming = Priming.register(this,
            Priming.get("/user/{handle}/profile_pic/image", Map.of("handle", Priming.HANDLE)));

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return HANDLER.handle(event, context);
    }
}
