package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.GetProfilePicture;
import com.profilepictures.domain.picture.Handle;
import java.time.Clock;

/** {@code GET /user/{handle}/profile_pic}: the stored picture, found by any capitalisation of the handle. */
public final class GetProfilePictureHandler {

    static final String METHOD = "GET";
    static final String ROUTE = "/user/{handle}/profile_pic";

    private final GetProfilePicture getProfilePicture;
    private final Endpoint endpoint;

    /** {@code clock} times requests for the log. */
    public GetProfilePictureHandler(GetProfilePicture getProfilePicture, Clock clock) {
        this.getProfilePicture = getProfilePicture;
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, (input, log) -> {
            Handle handle = input.pathHandle();
            // Built before anything is read, so that every answer, a 404 included, costs the same to warm up.
            ImageLinks links = input.links();

            return getProfilePicture
                    .get(handle)
                    .<Reply>map(picture -> new Reply.Json(new ResponseBody.StoredPicture(picture, links)))
                    .orElseGet(() -> Reply.Failure.userNotFound(handle));
        });
    }
}
