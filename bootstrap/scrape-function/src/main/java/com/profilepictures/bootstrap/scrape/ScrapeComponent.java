package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.lambda.ScrapeHandler;
import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeStep;
import com.profilepictures.domain.ScrapeSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageModule;
import com.profilepictures.domain.ProfilePictureRepository;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** Everything {@code POST /scrape} needs: the repository and a pool of headless browsers. */
@Singleton
@Component(modules = {StorageModule.class, ScrapeComponent.Wiring.class})
public interface ScrapeComponent {

    ScrapeHandler handler();

    /** Exposed so the entry class can close the browsers when the process ends. */
    SeleniumProfilePictureScraper scraper();

    @Component.Factory
    interface Factory {
        ScrapeComponent create(@BindsInstance Environment environment);
    }

    @Module
    final class Wiring {
        // One browser per Lambda container (it serves one request at a time); a few locally.
        static final int LAMBDA_POOL_SIZE = 1;
        static final int LOCAL_POOL_SIZE = 2;

        private Wiring() {}

        @Provides
        @Singleton
        static SeleniumSettings seleniumSettings(Environment environment) {
            boolean onLambda = environment.isSet("AWS_LAMBDA_FUNCTION_NAME");
            return ScraperConfiguration.from(environment, onLambda ? LAMBDA_POOL_SIZE : LOCAL_POOL_SIZE);
        }

        @Provides
        @Singleton
        static SeleniumProfilePictureScraper scraper(SeleniumSettings settings) {
            return new SeleniumProfilePictureScraper(settings);
        }

        @Provides
        @Singleton
        static ScrapeHandler handler(SeleniumProfilePictureScraper scraper, Environment environment,
                ProfilePictureRepository repository, Clock clock) {
            var browser = ScrapeStep.withTheRest(ScrapeSource.BROWSER, scraper);
            return new ScrapeHandler(new ScrapeProfilePicture(List.of(browser), ScraperConfiguration.scrapeTimeout(environment),
                    repository, clock), clock);
        }
    }
}
