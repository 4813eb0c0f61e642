package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.GetPictureHistory;
import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.Handle;
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
        return endpoint.run(event, context, (input, log) -> {
            Handle handle = input.pathHandle();
            // Built before anything is read, so that every answer, a 404 included, costs the same to warm up.
            ImageLinks links = input.links();
            PageRequest<HistoryCursor> request = input.pageRequest(HistoryCursor::decode);

            return getPictureHistory
                    .get(handle, request)
                    .<Reply>map(history -> {
                        log.put("pictures", history.page().items().size());
                        return new Reply.Json(new ResponseBody.PictureHistory(history, links));
                    })
                    .orElseGet(() -> Reply.Failure.userNotFound(handle));
        });
    }
}
