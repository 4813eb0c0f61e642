package com.profilepictures.bootstrap.scrape;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.Lifecycle;

/**
 * Lambda entry of the browser's queue ({@code RefreshBrowserFunction} in template.yaml, the scrape image with
 * this class as its ImageConfig.Command): the accounts whose pages the browserless sources could not tell,
 * asked through headless Chromium; the messages to deliver again out ({@code ReportBatchItemFailures}).
 */
public final class RefreshBrowserFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final RefreshBrowserComponent COMPONENT =
            DaggerRefreshBrowserComponent.factory().create(Environment.current());

    static {
        // Closed newest first: the batch's threads, then the browsers they used.
        Lifecycle.process().closeOnExit(COMPONENT.browser());
        Lifecycle.process().closeOnExit(COMPONENT.refresh());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return COMPONENT.handler().handle(event, context);
    }
}
