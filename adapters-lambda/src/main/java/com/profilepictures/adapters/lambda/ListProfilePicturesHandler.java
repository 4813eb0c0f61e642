package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.ListProfilePictures;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Clock;

/** {@code GET /users?lastKey=&limit=}: one page of stored users and the cursor of the next. */
public final class ListProfilePicturesHandler {

    static final String METHOD = "GET";
    static final String ROUTE = "/users";

    private final ListProfilePictures listProfilePictures;
    private final Endpoint endpoint;

    /** {@code clock} times requests for the log. */
    public ListProfilePicturesHandler(ListProfilePictures listProfilePictures, Clock clock) {
        this.listProfilePictures = listProfilePictures;
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, (input, log) -> {
            PageRequest<PageCursor> request = input.pageRequest(PageCursor::decode);

            Page<ProfilePicture, PageCursor> page = listProfilePictures.list(request);

            log.put("users", page.items().size());
            return new Reply.Json(new ResponseBody.UserList(page, input.links()));
        });
    }
}
