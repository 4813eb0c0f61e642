package com.profilepictures.bootstrap.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.lambda.RefreshWorkerHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.Lifecycle;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/**
 * Lambda entry of the refresh's workers ({@code RefreshWorkerFunction} in template.yaml): a batch of the refresh
 * queue's messages in, the messages to deliver again out (partial batch responses, {@code ReportBatchItemFailures}).
 */
public final class RefreshWorkerFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static {
        JsonLoggerFinder.install();
    }

    private final RefreshWorkerHandler handler;

    /** As Lambda builds it: configured by the process's environment. */
    public RefreshWorkerFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public RefreshWorkerFunction(Environment environment) {
        RefreshWorkerComponent component =
                DaggerRefreshWorkerComponent.factory().create(environment);
        handler = component.handler();
        // The batch's threads end with the process (daemons); closed first where the process is stopped.
        Lifecycle.process().closeOnExit(component.refresh());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handle(event, context);
    }
}
