package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.bootstrap.Environment;

/** Lambda entry of {@code GET /users}, named in template.yaml. */
public final class ListUsersFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // Built once per container, during Lambda's init phase, so warm invocations reuse the client.
    private static final ListUsersComponent COMPONENT = DaggerListUsersComponent.factory().create(Environment.current());

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return COMPONENT.handler().handle(event, context);
    }
}
