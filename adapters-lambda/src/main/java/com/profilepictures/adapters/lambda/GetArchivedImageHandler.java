package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.profilepictures.application.GetArchivedImage;
import com.profilepictures.application.ImageLookup;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /user/{handle}/profile_pic/image[?version=]}: a {@code 302} to a time-limited URL of the archived
 * picture, so that an {@code <img src>} of this route keeps working after X's own URL dies.
 */
public final class GetArchivedImageHandler {

    static final String METHOD = "GET";
    static final String ROUTE = "/user/{handle}/profile_pic/image";

    /**
     * How long a client may reuse a redirect: short, so that a new picture shows within a minute of being
     * archived, and far inside the target URL's own validity.
     */
    static final Duration CACHE_FOR = Duration.ofSeconds(60);

    private final GetArchivedImage getArchivedImage;
    private final Endpoint endpoint;

    /** {@code clock} times requests for the log. */
    public GetArchivedImageHandler(GetArchivedImage getArchivedImage, Clock clock) {
        this.getArchivedImage = getArchivedImage;
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, (input, log) -> {
            Handle handle = input.pathHandle();
            Optional<ImageVersion> version = input.version();

            ImageLookup lookup = version.map(asked -> getArchivedImage.version(handle, asked))
                    .orElseGet(() -> getArchivedImage.newest(handle));

            return reply(lookup, handle, version, log);
        });
    }

    private static Reply reply(ImageLookup lookup, Handle handle, Optional<ImageVersion> asked, LogLine log) {
        return switch (lookup) {
            case ImageLookup.Found(ImageVersion served, URI location) -> {
                log.put("served", served.sha256());
                yield new Reply.Redirect(location, CACHE_FOR);
            }
            case ImageLookup.UserNotFound() -> Reply.Failure.userNotFound(handle);
            case ImageLookup.NotArchived() ->
                new Reply.Failure(
                        ApiError.IMAGE_NOT_ARCHIVED,
                        asked.map(version -> "@" + handle.display() + "'s history has no archived picture with version "
                                        + version + ".")
                                .orElse("No picture of @" + handle.display()
                                        + " is archived yet. A picture is archived just after a scrape stores it."));
        };
    }
}
