package com.profilepictures.bootstrap.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.Lifecycle;

/**
 * Lambda entry of the refresh's workers ({@code RefreshWorkerFunction} in template.yaml): a batch of the refresh
 * queue's messages in, the messages to deliver again out (partial batch responses, {@code ReportBatchItemFailures}).
 */
public final class RefreshWorkerFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final RefreshWorkerComponent COMPONENT =
            DaggerRefreshWorkerComponent.factory().create(Environment.current());

    static {
        Lifecycle.process().closeOnExit(COMPONENT.refresh());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return COMPONENT.handler().handle(event, context);
    }
}
