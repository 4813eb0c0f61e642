package com.profilepictures.bootstrap.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.profilepictures.adapters.lambda.RefreshPlannerHandler;
import com.profilepictures.bootstrap.Environment;
import java.util.Map;

/**
 * Lambda entry of the refresh's planner ({@code RefreshPlannerFunction} in template.yaml), run by the schedule:
 * its event is read as a plain map (EventBridge Scheduler's input; nothing in it is needed), its answer is what
 * the run did.
 */
public final class RefreshPlannerFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    // Built once per container, in Lambda's init phase.
    private static final RefreshPlannerHandler HANDLER = DaggerRefreshPlannerComponent.factory()
            .create(Environment.current())
            .handler();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return HANDLER.handle(event, context);
    }
}
