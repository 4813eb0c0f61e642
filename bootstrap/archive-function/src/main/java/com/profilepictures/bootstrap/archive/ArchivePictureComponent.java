package com.profilepictures.bootstrap.archive;

import com.profilepictures.adapters.dynamodb.PictureStream;
import com.profilepictures.adapters.lambda.ArchivePictureHandler;
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

/** Everything the picture table's stream consumer needs: the table, the history, the bucket and X's image host. */
@Singleton
@Component(
        modules = {ClockModule.class, StorageModule.class, ArchiveModule.class, ArchivePictureComponent.Wiring.class})
public interface ArchivePictureComponent {

    ArchivePictureHandler handler();

    @Component.Factory
    interface Factory {
        ArchivePictureComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static ArchivePictureHandler handler(
                PictureHistory history,
                PictureHost host,
                PictureArchive archive,
                ProfilePictureRepository repository,
                Clock clock) {
            return new ArchivePictureHandler(
                    new ArchivePicture(history, host, archive, repository), PictureStream::read, clock);
        }
    }
}
