package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.util.function.Function;

/**
 * What every route does around its own work: find the request id, turn whatever happens (an answer,
 * bad input, a failure, a bug) into a response of the contract's shape, and write the request's log line.
 */
final class Endpoint {

    private final String method;
    private final String route;
    private final Clock clock;

    Endpoint(String method, String route, Clock clock) {
        this.method = method;
        this.route = route;
        this.clock = clock;
    }

    APIGatewayProxyResponseEvent run(
            APIGatewayProxyRequestEvent event, Context context, Function<RequestLog, Reply> work) {
        long startedAt = clock.millis();
        String requestId = RequestIds.of(event, context);
        String requestMethod = event != null && event.getHttpMethod() != null ? event.getHttpMethod() : method;
        RequestLog log = new RequestLog(requestId, requestMethod, route);
        Reply reply;
        try {
            if (event == null) {
                throw new IllegalArgumentException("No event");
            }
            reply = work.apply(log);
        } catch (ApiException badInput) {
            reply = Reply.error(badInput.error(), badInput.getMessage());
        } catch (OutOfMemoryError fatal) {
            // Let Lambda throw this sandbox away; answering from it would only fail again.
            throw fatal;
        } catch (RuntimeException | Error failure) {
            ApiError error = ApiError.of(failure);
            if (error == ApiError.INTERNAL_ERROR) {
                log.fault(failure);
            } else {
                log.put("failure", failure.getMessage());
            }
            reply = Reply.error(error, error.defaultMessage());
        }
        APIGatewayProxyResponseEvent response = ApiResponses.of(reply, requestId);
        try {
            log.write(
                    context,
                    response.getStatusCode(),
                    reply.error().map(ApiError::code).orElse(null),
                    clock.millis() - startedAt);
        } catch (RuntimeException logFailure) {
            // A log that cannot be written must not cost the client its answer.
        }
        return response;
    }
}
