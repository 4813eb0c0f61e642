package com.profilepictures.bootstrap.read;

import com.profilepictures.adapters.lambda.GalleryHandler;
import com.profilepictures.bootstrap.ArchiveConfiguration;
import com.profilepictures.bootstrap.Environment;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** Everything {@code GET /} needs: where the archive's images come from, and nothing that stores anything. */
@Singleton
@Component(modules = GalleryComponent.Wiring.class)
public interface GalleryComponent {

    GalleryHandler handler();

    @Component.Factory
    interface Factory {
        GalleryComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static GalleryHandler handler(Environment environment) {
            return new GalleryHandler(ArchiveOrigin.of(ArchiveConfiguration.s3(environment)), Clock.systemUTC());
        }
    }
}
