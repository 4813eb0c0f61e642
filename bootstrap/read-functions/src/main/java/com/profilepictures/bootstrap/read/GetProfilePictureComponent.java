package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.lambda.GetProfilePictureHandler;
import com.profilepictures.application.GetProfilePicture;
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

/** Everything {@code GET /user/{handle}/profile_pic} needs, and nothing else. */
@Singleton
@Component(modules = {ClockModule.class, StorageModule.class, GetProfilePictureComponent.Wiring.class})
public interface GetProfilePictureComponent {

    GetProfilePictureHandler handler();

    @Component.Factory
    interface Factory {
        GetProfilePictureComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static GetProfilePictureHandler handler(ProfilePictureRepository repository, Clock clock) {
            return new GetProfilePictureHandler(new GetProfilePicture(repository), clock);
        }
    }
}
