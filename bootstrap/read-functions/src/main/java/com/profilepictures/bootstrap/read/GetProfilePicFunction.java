package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.Environment;

/** Lambda entry of {@code GET /user/{handle}/profile_pic}, named in template.yaml. */
public final class GetProfilePicFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // Built once per container, during Lambda's init phase (and before a SnapStart snapshot), so warm
    // invocations reuse the DynamoDB client and its connections.
    private static final GetProfilePicComponent COMPONENT =
            DaggerGetProfilePicComponent.factory().create(Environment.current());

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return COMPONENT.handler().handle(event, context);
    }
}
