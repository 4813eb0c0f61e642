package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.lambda.ListProfilePicturesHandler;
import com.profilepictures.application.ListProfilePictures;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** Everything {@code GET /users} needs, and nothing else. */
@Singleton
@Component(modules = {ClockModule.class, StorageModule.class, ListProfilePicturesComponent.Wiring.class})
public interface ListProfilePicturesComponent {

    ListProfilePicturesHandler handler();

    @Component.Factory
    interface Factory {
        ListProfilePicturesComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static ListProfilePicturesHandler handler(ProfilePictureRepository repository, Clock clock) {
            return new ListProfilePicturesHandler(new ListProfilePictures(repository), clock);
        }
    }
}
