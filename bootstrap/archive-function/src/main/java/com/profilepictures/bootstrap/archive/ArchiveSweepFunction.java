package com.profilepictures.bootstrap.archive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.lambda.ArchiveSweepHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/**
 * Lambda entry of the archive queue's reader ({@code ArchiveSweepFunction} in template.yaml), in the archive
 * function's jar: the pictures the refresh planner's sweep found still not archived, a batch of messages in, the
 * messages to deliver again out (partial batch responses, {@code ReportBatchItemFailures}).
 */
public final class ArchiveSweepFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static {
        JsonLoggerFinder.install();
    }

    private final ArchiveSweepHandler handler;

    /** As Lambda builds it: configured by the process's environment. */
    public ArchiveSweepFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public ArchiveSweepFunction(Environment environment) {
        handler = DaggerArchiveSweepComponent.factory().create(environment).handler();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handle(event, context);
    }
}
