package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.GetPictureHistory;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.HistoryPageRequest;
import java.time.Clock;

/** {@code GET /user/{handle}/history?lastKey=&limit=}: one page of every picture the account has shown, newest first. */
public final class GetPictureHistoryHandler {

    static final String METHOD = "GET";
    static final String ROUTE = "/user/{handle}/history";

    private final GetPictureHistory getPictureHistory;
    private final Endpoint endpoint;

    /** {@code clock} times requests for the log. */
    public GetPictureHistoryHandler(GetPictureHistory getPictureHistory, Clock clock) {
        this.getPictureHistory = getPictureHistory;
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, log -> {
            Handle handle = RequestInput.pathHandle(event);
            log.put("handle", handle.display());
            // Built before anything is read, so that every answer, a 404 included, costs the same to warm up.
            ImageLinks links = ImageLinks.of(event);
            HistoryPageRequest request = RequestInput.historyPageRequest(
                    RequestInput.queryParameter(event, "lastKey", ApiError.INVALID_CURSOR),
                    RequestInput.queryParameter(event, "limit", ApiError.INVALID_LIMIT));
            log.put("limit", request.limit()).put("firstPage", request.after().isEmpty());

            return getPictureHistory
                    .get(handle, request)
                    .map(history -> {
                        log.put("pictures", history.page().entries().size());
                        return Reply.ok(ResponseBodies.history(history, links));
                    })
                    .orElseGet(() -> Reply.error(
                            ApiError.USER_NOT_FOUND,
                            "No picture is stored for @" + handle.display() + "; POST /scrape it first."));
        });
    }
}
