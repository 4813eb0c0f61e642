package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.lambda.GetArchivedImageHandler;
import com.profilepictures.application.GetArchivedImage;
import com.profilepictures.bootstrap.ArchiveModule;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** Everything {@code GET /user/{handle}/profile_pic/image} needs, and nothing else: no image host. */
@Singleton
@Component(
        modules = {ClockModule.class, StorageModule.class, ArchiveModule.class, GetArchivedImageComponent.Wiring.class})
public interface GetArchivedImageComponent {

    GetArchivedImageHandler handler();

    /** For priming: the ports the handler reaches only for a stored handle. */
    PictureArchive archive();

    PictureHistory history();

    @Component.Factory
    interface Factory {
        GetArchivedImageComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static GetArchivedImageHandler handler(
                ProfilePictureRepository repository, PictureHistory history, PictureArchive archive, Clock clock) {
            return new GetArchivedImageHandler(new GetArchivedImage(repository, history, archive), clock);
        }
    }
}
