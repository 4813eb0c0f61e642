package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.lambda.RefreshPlannerHandler;
import com.profilepictures.adapters.sqs.SqsArchiveQueue;
import com.profilepictures.application.PlanRefresh;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.RefreshQueue;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Everything the refresh's planner needs: the pictures table, the refresh queue and the sweep's archive queue. */
@Singleton
@Component(
        modules = {ClockModule.class, StorageModule.class, RefreshModule.class, RefreshPlannerComponent.Wiring.class})
public interface RefreshPlannerComponent {

    RefreshPlannerHandler handler();

    @Component.Factory
    interface Factory {
        RefreshPlannerComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        /**
         * Segments stop starting pages this long before the function's timeout: a page's marks and sends (500
         * accounts at worst, one conditional write each, in 5 to 10 ms) end well within it.
         */
        static final Duration MARGIN = Duration.ofSeconds(60);
        /** Where no Lambda context says how long is left: the local loop's run. */
        static final Duration LOCAL_BUDGET = Duration.ofMinutes(5);

        private Wiring() {}

        @Provides
        @Singleton
        static RefreshPlannerHandler handler(
                ProfilePictureRepository repository,
                @Named(RefreshModule.REFRESH_QUEUE) RefreshQueue queue,
                RefreshConfiguration configuration,
                Environment environment,
                SqsClient client,
                Clock clock) {
            SweepConfiguration sweep = SweepConfiguration.from(environment, configuration);
            PlanRefresh plan = sweep.queue()
                    .map(archiveQueue -> new PlanRefresh(
                            repository,
                            queue,
                            clock,
                            configuration.refreshAfter(),
                            configuration.queuedFor(),
                            new SqsArchiveQueue(client, archiveQueue.queueUrl().toString()),
                            sweep.grace()))
                    .orElseGet(() -> new PlanRefresh(
                            repository, queue, clock, configuration.refreshAfter(), configuration.queuedFor()));
            return new RefreshPlannerHandler(plan, configuration.plannerSegments(), MARGIN, LOCAL_BUDGET, clock);
        }
    }
}
