package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeResult;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.SaveOutcome;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code POST /scrape}: scrapes and stores the handle in the body, and answers with the picture now
 * stored. That is the scraped one, or a newer one another scrape stored first: the client asked for
 * the current picture, and it gets it with {@code 200} either way.
 */
public final class ScrapeHandler {

    static final String METHOD = "POST";
    static final String ROUTE = "/scrape";

    private final ScrapeProfilePicture scrapeProfilePicture;
    private final Endpoint endpoint;

    /** {@code clock} times requests for the log; it need not be the one that stamps {@code scrapedAt}. */
    public ScrapeHandler(ScrapeProfilePicture scrapeProfilePicture, Clock clock) {
        this.scrapeProfilePicture = scrapeProfilePicture;
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, log -> {
            Handle handle = ScrapeRequestBody.handleOf(event);
            log.put("handle", handle.display());

            ScrapeResult result = scrapeProfilePicture.scrape(handle);

            log.put("source", result.source().wireName());
            result.undecided()
                    .forEach((source, undecided) -> log.put(
                            source.wireName() + "_undecided",
                            undecided.cause().name().toLowerCase(Locale.ROOT) + ": " + undecided.detail()));
            if (result instanceof ScrapeResult.Stored stored) {
                log.put("verdict", stored.saved() instanceof SaveOutcome.Saved ? "stored" : "kept_newer");
                return Reply.ok(
                        ResponseBodies.scraped(stored.saved().current(), stored.source(), ImageLinks.of(event)));
            }
            if (result instanceof ScrapeResult.Failed failed) {
                ApiError error = ApiError.of(failed.failure());
                log.put("verdict", error.code()).put("detail", failed.failure().detail());
                return Reply.error(error, error.defaultMessage());
            }
            // ScrapeHandlerTest walks every kind of ScrapeResult, so this is never reached.
            throw new IllegalStateException("Unmapped scrape result: " + result);
        });
    }
}
