package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.lambda.GetPictureHistoryHandler;
import com.profilepictures.application.GetPictureHistory;
import com.profilepictures.bootstrap.ArchiveModule;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** Everything {@code GET /user/{handle}/history} needs, and nothing else: no S3, no image host. */
@Singleton
@Component(
        modules = {ClockModule.class, StorageModule.class, ArchiveModule.class, GetPictureHistoryComponent.Wiring.class
        })
public interface GetPictureHistoryComponent {

    GetPictureHistoryHandler handler();

    /** For priming: the port the handler reaches only for a stored handle. */
    PictureHistory history();

    @Component.Factory
    interface Factory {
        GetPictureHistoryComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static GetPictureHistoryHandler handler(
                ProfilePictureRepository repository, PictureHistory history, Clock clock) {
            return new GetPictureHistoryHandler(new GetPictureHistory(repository, history), clock);
        }
    }
}
