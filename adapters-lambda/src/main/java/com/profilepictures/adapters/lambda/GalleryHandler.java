package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.time.Clock;

/**
 * {@code GET /}: the gallery, a page for people that is also an example client: its script uses only the
 * public routes ({@code /users}, {@code /scrape}, {@code /user/{handle}/profile_pic}, its image and its
 * history). There is no use case behind it: the page is the same for everyone and reads nothing itself.
 */
public final class GalleryHandler {

    static final String METHOD = "GET";
    static final String ROUTE = "/";

    private final GalleryPage page;
    private final Endpoint endpoint;

    /**
     * {@code archiveOrigin} is where the image route's presigned URLs point (S3's endpoint for the bucket,
     * or a local server's): the page's policy lets images come from there. {@code clock} times requests for the log.
     */
    public GalleryHandler(URI archiveOrigin, Clock clock) {
        this.page = GalleryPage.forArchiveAt(archiveOrigin);
        this.endpoint = new Endpoint(METHOD, ROUTE, clock);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return endpoint.run(event, context, (input, log) -> new Reply.Html(page));
    }
}
