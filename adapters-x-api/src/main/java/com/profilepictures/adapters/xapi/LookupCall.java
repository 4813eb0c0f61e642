package com.profilepictures.adapters.xapi;

import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.httpexchange.BodyPrefix;
import com.profilepictures.httpexchange.BoundedGet;
import com.profilepictures.httpexchange.BoundedGet.Sent;
import com.profilepictures.httpexchange.BoundedGet.Wording;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One GET of X's API by a deadline, with the bearer token: no redirect is followed (the token goes to the
 * configured host and nowhere else), and a 200's body is read up to the byte cap and no further. What stops it
 * is an {@link Undecided} with its cause, never an exception; its messages name the URL, never the token.
 */
final class LookupCall {

    private static final Wording WORDING =
            new Wording("no answer from X's API at", "asking X's API at", "reach X's API at", "ask X's API at");

    private final BoundedGet get;
    private final XApiSettings settings;
    private final String[] headers;

    LookupCall(HttpClient client, XApiSettings settings) {
        this.get = new BoundedGet(client, WORDING);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.headers = new String[] {"Authorization", settings.token().authorization(), "Accept", "application/json"};
    }

    /** What a call came to: an answer with its status, or why there is none. */
    sealed interface Outcome {

        /** X's answer; {@code body} is read for a 200 only, and {@code truncated} when it went on past the cap. */
        record Answer(int status, HttpHeaders headers, byte[] body, boolean truncated) implements Outcome {}

        /** No answer, and why. */
        record Unanswered(Undecided undecided) implements Outcome {}
    }

    Outcome get(URI url, Deadline deadline) {
        return switch (get.get(url, deadline, status -> status == 200, settings.maxBytes(), headers)) {
            case Sent.Unanswered(Undecided undecided) -> new Outcome.Unanswered(undecided);
            case Sent.Received(HttpResponse<BodyPrefix> response) ->
                new Outcome.Answer(
                        response.statusCode(),
                        response.headers(),
                        response.body().bytes(),
                        response.body().truncated());
        };
    }
}
