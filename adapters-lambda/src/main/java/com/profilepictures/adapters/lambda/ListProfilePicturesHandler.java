package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.ListProfilePictures;
import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return endpoint.run(event, context, log -> {
            PageRequest request = RequestInput.pageRequest(
                    queryParameter(event, "lastKey", ApiError.INVALID_CURSOR),
                    queryParameter(event, "limit", ApiError.INVALID_LIMIT));
            log.put("limit", request.limit()).put("firstPage", request.after().isEmpty());

            Page page = listProfilePictures.list(request);

            log.put("users", page.pictures().size());
            return Reply.ok(ResponseBodies.users(page, ImageLinks.of(event)));
        });
    }

    /**
     * A parameter given at most once. API Gateway keeps only the last of {@code ?limit=5&limit=50}
     * in the single-valued map; rather than guess which one the client meant, a repeat is refused.
     */
    private static Optional<String> queryParameter(
            APIGatewayProxyRequestEvent event, String name, ApiError ifRepeated) {
        Map<String, List<String>> multiValued = event.getMultiValueQueryStringParameters();
        if (multiValued != null
                && multiValued.get(name) != null
                && multiValued.get(name).size() > 1) {
            throw new ApiException(ifRepeated, name + " may be given only once.");
        }
        Map<String, String> singleValued = event.getQueryStringParameters();
        return Optional.ofNullable(singleValued == null ? null : singleValued.get(name));
    }
}
