package com.profilepictures.bootstrap.archive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.profilepictures.adapters.lambda.ArchivePictureHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/**
 * Lambda entry of the picture table's stream ({@code PictureStream} in template.yaml): a batch of records in,
 * the records to deliver again out (partial batch responses, {@code ReportBatchItemFailures}).
 */
public final class ArchivePictureFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static {
        JsonLoggerFinder.install();
    }

    private final ArchivePictureHandler handler;

    /** As Lambda builds it: configured by the process's environment. */
    public ArchivePictureFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public ArchivePictureFunction(Environment environment) {
        // Built once per container, in Lambda's init phase, which is not billed against the batch's timeout.
        handler = DaggerArchivePictureComponent.factory().create(environment).handler();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handle(event, context);
    }
}
