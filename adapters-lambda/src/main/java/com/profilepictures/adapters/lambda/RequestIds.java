package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.UUID;

/** Which id a request goes by, in its response, its error body and its log line. */
final class RequestIds {

    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /**
     * API Gateway's request id, which is what a client sees in its own logs; else Lambda's; else a
     * fresh one, so that there always is one.
     */
    static String of(APIGatewayProxyRequestEvent event, Context context) {
        if (event != null
                && event.getRequestContext() != null
                && usable(event.getRequestContext().getRequestId())) {
            return event.getRequestContext().getRequestId();
        }
        if (context != null && usable(context.getAwsRequestId())) {
            return context.getAwsRequestId();
        }
        return UUID.randomUUID().toString();
    }

    // It goes into a header verbatim, so only short runs of visible ASCII are taken.
    private static boolean usable(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= MAX_LENGTH
                && id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
