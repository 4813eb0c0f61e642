package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.lambda.RefreshWorkerHandler;
import com.profilepictures.adapters.xapi.XApiProfilePictureScraper;
import com.profilepictures.adapters.xapi.XApiSettings;
import com.profilepictures.application.RefreshBatch;
import com.profilepictures.application.RefreshProfilePictures;
import com.profilepictures.application.RefreshSource;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.bootstrap.sources.CrawlerConfiguration;
import com.profilepictures.bootstrap.sources.SecretsManagerStrings;
import com.profilepictures.bootstrap.sources.XApiConfiguration;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.RefreshQueue;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Everything a refresh worker needs: the table, the pause, both queues, and one browserless source, X's API
 * when a token is configured (read as the scrape function reads it), else the crawler, paced at this
 * environment's share of the ceiling on requests to X.
 */
@Singleton
@Component(modules = {ClockModule.class, StorageModule.class, RefreshModule.class, RefreshWorkerComponent.Wiring.class})
public interface RefreshWorkerComponent {

    RefreshWorkerHandler handler();

    /** Exposed so the entry class can stop its threads when the process ends. */
    RefreshProfilePictures refresh();

    @Component.Factory
    interface Factory {
        RefreshWorkerComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static RefreshSource source(Environment environment, Clock clock) {
            Optional<XApiSettings> xApi = XApiConfiguration.from(
                    environment, arn -> SecretsManagerStrings.from(environment).read(arn));
            return xApi.isPresent()
                    ? RefreshSource.xApi(new XApiProfilePictureScraper(xApi.get(), clock))
                    : RefreshSource.crawler(new CrawlerProfilePictureScraper(CrawlerConfiguration.from(environment)));
        }

        @Provides
        @Singleton
        static RefreshProfilePictures refresh(
                RefreshSource source,
                RefreshPause pause,
                ProfilePictureRepository repository,
                RefreshConfiguration configuration,
                Clock clock) {
            return RefreshModule.refreshThrough(
                    source, configuration.parallelism(), pause, repository, configuration, clock);
        }

        @Provides
        @Singleton
        static RefreshWorkerHandler handler(
                RefreshProfilePictures refresh,
                @Named(RefreshModule.REFRESH_QUEUE) RefreshQueue again,
                @Named(RefreshModule.BROWSER_QUEUE) RefreshQueue browser,
                RefreshConfiguration configuration,
                Clock clock) {
            return new RefreshWorkerHandler(
                    new RefreshBatch(refresh, again, browser, clock, configuration.maxAttempts()), clock);
        }
    }
}
