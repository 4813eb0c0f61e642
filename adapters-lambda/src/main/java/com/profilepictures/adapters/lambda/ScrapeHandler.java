package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.ScrapeProfilePicture;
import com.profilepictures.application.ScrapeResult;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
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
        return endpoint.run(event, context, (input, log) -> {
            Handle handle = input.bodyHandle();

            ScrapeResult result = scrapeProfilePicture.scrape(handle);

            log.put("source", result.source().wireName());
            result.undecided()
                    .forEach((source, undecided) -> log.put(
                            source.wireName() + "_undecided",
                            undecided.cause().name().toLowerCase(Locale.ROOT) + ": " + undecided.detail()));
            return switch (result) {
                case ScrapeResult.Stored(SaveOutcome saved, ScrapeSource source, var undecided) -> {
                    log.put(
                                    "verdict",
                                    switch (saved) {
                                        case SaveOutcome.Saved stored -> "stored";
                                        case SaveOutcome.KeptNewer newer -> "kept_newer";
                                    })
                            .count("Scrapes", "source", "verdict");
                    yield new Reply.Json(new ResponseBody.ScrapedPicture(saved.current(), source, input.links()));
                }
                case ScrapeResult.Checked(ProfilePicture current, ScrapeSource source, var undecided) -> {
                    // The stored picture again: its first-seen time stays, only checkedAt moved.
                    log.put("verdict", "checked").count("Scrapes", "source", "verdict");
                    yield new Reply.Json(new ResponseBody.ScrapedPicture(current, source, input.links()));
                }
                case ScrapeResult.Failed(ScrapeVerdict.Failure failure, ScrapeSource source, var undecided) -> {
                    ApiError error = ApiError.of(failure);
                    log.put("verdict", error.code())
                            .put("detail", failure.detail())
                            .count("Scrapes", "source", "verdict");
                    yield Reply.Failure.of(error);
                }
            };
        });
    }
}
