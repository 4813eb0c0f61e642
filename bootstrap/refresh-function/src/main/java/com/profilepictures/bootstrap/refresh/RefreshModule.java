package com.profilepictures.bootstrap.refresh;

import com.profilepictures.adapters.dynamodb.DynamoDbRefreshPause;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsRefreshQueue;
import com.profilepictures.application.RefreshProfilePictures;
import com.profilepictures.application.RefreshSource;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.domain.port.ProfilePictureRepository;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.RefreshQueue;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every part of the refresh shares, used with {@code StorageModule}: its configuration, the two queues
 * (built only where used, so the planner never needs the browser's queue's URL) and the pause, an item of the
 * pictures table on the pictures' own DynamoDB client.
 */
@Module
public final class RefreshModule {

    /** The queue the planner fills and the workers read. */
    public static final String REFRESH_QUEUE = "refresh";
    /** The queue of accounts only a browser can tell. */
    public static final String BROWSER_QUEUE = "browser";

    private RefreshModule() {}

    @Provides
    @Singleton
    static RefreshConfiguration configuration(Environment environment) {
        return RefreshConfiguration.from(environment);
    }

    // One client serves both queues: same region, endpoint and credentials.
    @Provides
    @Singleton
    static SqsClient sqsClient(RefreshConfiguration configuration) {
        return SqsClients.create(configuration.queues());
    }

    @Provides
    @Singleton
    @Named(REFRESH_QUEUE)
    static RefreshQueue refreshQueue(SqsClient client, RefreshConfiguration configuration) {
        return new SqsRefreshQueue(client, configuration.queue().queueUrl().toString());
    }

    @Provides
    @Singleton
    @Named(BROWSER_QUEUE)
    static RefreshQueue browserQueue(SqsClient client, RefreshConfiguration configuration) {
        return new SqsRefreshQueue(
                client, configuration.browserQueue().queueUrl().toString());
    }

    @Provides
    @Singleton
    static RefreshPause pause(DynamoDbClient client, DynamoDbSettings settings) {
        return new DynamoDbRefreshPause(client, settings.tableName());
    }

    /**
     * A refresh of accounts through {@code source}, {@code parallelism} at a time, paced at this environment's
     * share of the ceiling on requests to X, each batch within the configured timeout and retry delay: the
     * workers' (X's API or the crawler) and the browser queue's consumer's.
     */
    public static RefreshProfilePictures refreshThrough(
            RefreshSource source,
            int parallelism,
            RefreshPause pause,
            ProfilePictureRepository repository,
            RefreshConfiguration configuration,
            Clock clock) {
        return new RefreshProfilePictures(
                source.paced(configuration.requestsPerMinuteHere()),
                pause,
                repository,
                clock,
                parallelism,
                configuration.batchTimeout(),
                configuration.retryDelay());
    }
}
