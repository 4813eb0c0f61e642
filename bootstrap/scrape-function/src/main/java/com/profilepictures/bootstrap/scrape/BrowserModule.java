package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.bootstrap.Environment;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * The scrape function's configuration and its headless browsers, built on first use: shared by {@code POST
 * /scrape} and the browser queue's consumer, which run in the same image.
 */
@Module
public final class BrowserModule {

    // One browser per Lambda container (it serves one request at a time); a few locally.
    static final int LAMBDA_POOL_SIZE = 1;
    static final int LOCAL_POOL_SIZE = 2;

    private BrowserModule() {}

    @Provides
    @Singleton
    static ScrapeConfiguration configuration(Environment environment) {
        boolean onLambda = environment.isSet("AWS_LAMBDA_FUNCTION_NAME");
        return ScrapeConfiguration.from(environment, onLambda ? LAMBDA_POOL_SIZE : LOCAL_POOL_SIZE);
    }

    @Provides
    @Singleton
    static BrowserOnDemand browser(ScrapeConfiguration configuration) {
        return new BrowserOnDemand(() -> new SeleniumProfilePictureScraper(configuration.browser()));
    }
}
