package com.profilepictures.bootstrap.read;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.adapters.lambda.ListUsersHandler;
import com.profilepictures.bootstrap.Environment;

/** Lambda entry of {@code GET /users}, named in template.yaml. */
public final class ListUsersFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // Built once per container, during Lambda's init phase (and before a SnapStart snapshot), so warm
    // invocations reuse the DynamoDB client and its connections. Dagger builds a component's objects on
    // first request, so the handler is asked for here: holding only the component would leave the client
    // to be built by the first invocation, outside the init phase and after the snapshot.
    private static final ListUsersHandler HANDLER = DaggerListUsersComponent.factory().create(Environment.current()).handler();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return HANDLER.handle(event, context);
    }
}
