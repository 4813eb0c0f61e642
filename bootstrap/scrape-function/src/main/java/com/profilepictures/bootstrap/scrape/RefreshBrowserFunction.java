package com.profilepictures.bootstrap.scrape;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.lambda.RefreshWorkerHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.Lifecycle;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;

/**
 * Lambda entry of the browser's queue ({@code RefreshBrowserFunction} in template.yaml, the scrape image with
 * this class as its ImageConfig.Command): the accounts whose pages the browserless sources could not tell,
 * asked through headless Chromium; the messages to deliver again out ({@code ReportBatchItemFailures}).
 */
public final class RefreshBrowserFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static {
        JsonLoggerFinder.install();
    }

    private final RefreshWorkerHandler handler;

    /** As Lambda builds it: configured by the process's environment. */
    public RefreshBrowserFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public RefreshBrowserFunction(Environment environment) {
        RefreshBrowserComponent component =
                DaggerRefreshBrowserComponent.factory().create(environment);
        handler = component.handler();
        // Closed newest first: the batch's threads, then the browsers they used.
        Lifecycle.process().closeOnExit(component.browser());
        Lifecycle.process().closeOnExit(component.refresh());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handle(event, context);
    }
}
