package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.lambda.RefreshWorkerHandler;
import com.profilepictures.application.RefreshBatch;
import com.profilepictures.application.RefreshProfilePictures;
import com.profilepictures.application.RefreshSource;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.bootstrap.refresh.RefreshConfiguration;
import com.profilepictures.bootstrap.refresh.RefreshModule;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.RefreshQueue;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Everything the browser's queue's consumer needs: the table, the pause, the browser's queue (to send an
 * account again later) and the scrape function's browser, each account given at most {@code SCRAPE_TIMEOUT}
 * of the batch's time, paced at this environment's share of the ceiling on requests to X. A verdict writes
 * what a worker's does (RefreshProfilePictures); a page the browser cannot tell either is a failure.
 */
@Singleton
@Component(
        modules = {
            ClockModule.class,
            StorageModule.class,
            RefreshModule.class,
            BrowserModule.class,
            RefreshBrowserComponent.Wiring.class
        })
public interface RefreshBrowserComponent {

    RefreshWorkerHandler handler();

    /** Exposed so the entry class can close the browsers and the batch's threads when the process ends. */
    BrowserOnDemand browser();

    RefreshProfilePictures refresh();

    @Component.Factory
    interface Factory {
        RefreshBrowserComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static RefreshProfilePictures refresh(
                ScrapeConfiguration scrape,
                BrowserOnDemand browser,
                RefreshPause pause,
                ProfilePictureRepository repository,
                RefreshConfiguration configuration,
                Clock clock) {
            // One account at a time per browser: its share of the batch's deadline is one scrape's.
            ProfilePictureScraper oneScrape =
                    (handle, deadline) -> browser.scrape(handle, deadline.within(scrape.scrapeTimeout()));
            return RefreshModule.refreshThrough(
                    RefreshSource.browser(oneScrape),
                    scrape.browser().poolSize(),
                    pause,
                    repository,
                    configuration,
                    clock);
        }

        @Provides
        @Singleton
        static RefreshWorkerHandler handler(
                RefreshProfilePictures refresh,
                @Named(RefreshModule.BROWSER_QUEUE) RefreshQueue again,
                RefreshConfiguration configuration,
                Clock clock) {
            return new RefreshWorkerHandler(
                    RefreshBatch.lastResort(refresh, again, clock, configuration.maxAttempts()), clock);
        }
    }
}
