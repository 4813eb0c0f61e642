package com.profilepictures.bootstrap.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.profilepictures.adapters.lambda.RefreshPlannerHandler;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.logging.JsonLoggerFinder;
import java.util.Map;

/**
 * Lambda entry of the refresh's planner ({@code RefreshPlannerFunction} in template.yaml), run by the schedule:
 * its event is read as a plain map (EventBridge Scheduler's input; nothing in it is needed), its answer is what
 * the run did.
 */
public final class RefreshPlannerFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static {
        JsonLoggerFinder.install();
    }

    private final RefreshPlannerHandler handler;

    /** As Lambda builds it: configured by the process's environment. */
    public RefreshPlannerFunction() {
        this(Environment.current());
    }

    /** Configured by {@code environment}: the local API's, built from this function's environment in the template. */
    public RefreshPlannerFunction(Environment environment) {
        // Built once per container, in Lambda's init phase.
        handler = DaggerRefreshPlannerComponent.factory().create(environment).handler();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return handler.handle(event, context);
    }
}
