package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.crawler.CrawlerProfilePictureScraper;
import com.profilepictures.adapters.lambda.ScrapeHandler;
import com.profilepictures.adapters.xapi.XApiProfilePictureScraper;
import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeStep;
import com.profilepictures.bootstrap.ClockModule;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.port.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Everything {@code POST /scrape} needs: the repository, and the sources {@code SCRAPE_SOURCES} names (X's API,
 * the crawler, a pool of headless browsers). A source that is not named is never built, and the browsers' pool
 * not before a scrape needs it.
 */
@Singleton
@Component(modules = {ClockModule.class, StorageModule.class, BrowserModule.class, ScrapeComponent.Wiring.class})
public interface ScrapeComponent {

    ScrapeHandler handler();

    /** Exposed so the entry class can close the browsers when the process ends; built on first use. */
    BrowserOnDemand browser();

    @Component.Factory
    interface Factory {
        ScrapeComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        private Wiring() {}

        @Provides
        @Singleton
        static CrawlerProfilePictureScraper crawler(ScrapeConfiguration configuration) {
            return new CrawlerProfilePictureScraper(configuration.crawler());
        }

        @Provides
        @Singleton
        static XApiProfilePictureScraper xApi(ScrapeConfiguration configuration, Clock clock) {
            return new XApiProfilePictureScraper(configuration.xApi().orElseThrow(), clock);
        }

        @Provides
        @Singleton
        static ScrapeProfilePicture scrapeProfilePicture(
                ScrapeConfiguration configuration,
                Lazy<XApiProfilePictureScraper> xApi,
                Lazy<CrawlerProfilePictureScraper> crawler,
                BrowserOnDemand browser,
                ProfilePictureRepository repository,
                Clock clock) {
            var steps = configuration.sources().stream()
                    .map(source -> switch (source) {
                        case X_API -> ScrapeStep.within(source, xApi.get(), configuration.xApiTimeout());
                        case CRAWLER -> ScrapeStep.within(source, crawler.get(), configuration.crawlerTimeout());
                        case BROWSER -> ScrapeStep.withTheRest(source, browser);
                    })
                    .toList();
            return new ScrapeProfilePicture(steps, configuration.scrapeTimeout(), repository, clock);
        }

        @Provides
        @Singleton
        static ScrapeHandler handler(ScrapeProfilePicture scrapeProfilePicture, Clock clock) {
            return new ScrapeHandler(scrapeProfilePicture, clock);
        }
    }
}
