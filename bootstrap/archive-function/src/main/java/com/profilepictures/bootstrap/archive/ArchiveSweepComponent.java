package com.profilepictures.bootstrap.archive;

import com.profilepictures.adapters.lambda.ArchiveSweepHandler;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.bootstrap.ArchiveModule;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.PictureArchive;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** Everything the archive queue's reader needs: what the stream's consumer needs, without the stream. */
@Singleton
@Component(modules = {ClockModule.class, StorageModule.class, ArchiveModule.class, ArchiveSweepComponent.Wiring.class})
public interface ArchiveSweepComponent {

    ArchiveSweepHandler handler();

    @Component.Factory
    interface Factory {
        ArchiveSweepComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static ArchiveSweepHandler handler(
                PictureHistory history,
                PictureHost host,
                PictureArchive archive,
                ProfilePictureRepository repository,
                Clock clock) {
            return new ArchiveSweepHandler(new ArchivePicture(history, host, archive, repository), clock);
        }
    }
}
