package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * What every route does around its own work: find the request id, read the request through one
 * {@link RequestInput}, turn whatever happens (an answer, bad input, a failure, a bug) into a response of the
 * contract's shape, and write the request's log line.
 */
final class Endpoint {

    /** A route's own work: the request in, its answer out, and what is worth knowing added to its log line. */
    @FunctionalInterface
    interface Work {
        Reply answer(RequestInput input, LogLine log);
    }

    private final String method;
    private final String route;
    private final Clock clock;

    Endpoint(String method, String route, Clock clock) {
        this.method = method;
        this.route = route;
        this.clock = clock;
    }

    APIGatewayProxyResponseEvent run(APIGatewayProxyRequestEvent event, Context context, Work work) {
        long startedAt = clock.millis();
        String requestId = RequestIds.of(event, context);
        LogLine log = new LogLine(Instant.ofEpochMilli(startedAt), requestId)
                .put("method", event != null && event.getHttpMethod() != null ? event.getHttpMethod() : method)
                .put("route", route);
        Reply reply;
        boolean fault = false;
        try {
            if (event == null) {
                throw new IllegalArgumentException("No event");
            }
            reply = work.answer(new RequestInput(event, log), log);
        } catch (ApiException badInput) {
            reply = new Reply.Failure(badInput.error(), badInput.getMessage());
        } catch (OutOfMemoryError fatal) {
            // Let Lambda throw this sandbox away; answering from it would only fail again.
            throw fatal;
        } catch (RuntimeException | Error failure) {
            ApiError error = ApiError.of(failure);
            fault = error == ApiError.INTERNAL_ERROR;
            if (fault) {
                log.failure(failure, true);
            } else {
                log.put("failure", failure.getMessage());
            }
            reply = Reply.Failure.of(error);
        }
        APIGatewayProxyResponseEvent response = ApiResponses.of(reply, requestId);
        int status = response.getStatusCode();
        log.put("status", status);
        if (reply instanceof Reply.Failure failure) {
            log.put("code", failure.error().code());
        }
        log.level(status < 500 ? Level.INFO : fault ? Level.ERROR : Level.WARNING)
                .write(clock.millis() - startedAt);
        return response;
    }
}
