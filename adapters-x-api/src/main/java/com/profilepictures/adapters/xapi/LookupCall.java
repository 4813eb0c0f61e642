package com.profilepictures.adapters.xapi;

import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET of X's API by a deadline, with the bearer token: no redirect is followed (the token goes to the
 * configured host and nowhere else), and a 200's body is read up to the byte cap and no further. What stops it
 * is an {@link Undecided} with its cause, never an exception; its messages name the URL, never the token.
 */
final class LookupCall {

    private final HttpClient client;
    private final XApiSettings settings;

    LookupCall(HttpClient client, XApiSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** What a call came to: an answer with its status, or why there is none. */
    sealed interface Outcome {

        /** X's answer; {@code body} is read for a 200 only, and {@code truncated} when it went on past the cap. */
        record Answer(int status, HttpHeaders headers, byte[] body, boolean truncated) implements Outcome {}

        /** No answer, and why. */
        record Unanswered(Undecided undecided) implements Outcome {}
    }

    Outcome get(URI url, Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            return unanswered(Cause.TIMED_OUT, "no answer from X's API at " + url + " within " + deadline.length());
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(left)
                .header("Authorization", settings.token().authorization())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<LimitedBody>> pending = client.sendAsync(
                request,
                info -> info.statusCode() == 200 ? LimitedBody.upTo(settings.maxBytes()) : LimitedBody.skipped());
        HttpResponse<LimitedBody> response;
        try {
            // The request's own timeout ends at the answer's headers; this wait covers the body too.
            response = pending.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // aborts the exchange: nothing keeps reading once we have answered
            return unanswered(Cause.TIMED_OUT, "no answer from X's API at " + url + " within " + deadline.length());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return unanswered(Cause.TIMED_OUT, "interrupted while asking X's API at " + url);
        } catch (ExecutionException e) {
            return failed(e.getCause(), url, deadline);
        }
        return new Outcome.Answer(
                response.statusCode(),
                response.headers(),
                response.body().bytes(),
                response.body().truncated());
    }

    private static Outcome failed(Throwable error, URI url, Deadline deadline) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return unanswered(Cause.TIMED_OUT, "no answer from X's API at " + url + " within " + deadline.length());
        }
        if (cause instanceof IOException) {
            return unanswered(Cause.UNREACHABLE, "cannot reach X's API at " + url + ": " + describe(cause));
        }
        if (cause instanceof IllegalArgumentException) {
            return unanswered(Cause.NO_PROFILE, "cannot ask X's API at " + url + ": " + describe(cause));
        }
        throw new IllegalStateException("Unexpected failure asking X's API at " + url, cause);
    }

    /** One line naming every cause: the JDK's connect errors often say nothing themselves ("null"). */
    private static String describe(Throwable error) {
        StringBuilder line = new StringBuilder();
        for (Throwable cause = error; cause != null && line.length() < 300; cause = cause.getCause()) {
            if (line.length() > 0) {
                line.append(" <- ");
            }
            line.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                line.append(' ').append(cause.getMessage().replaceAll("\\s+", " "));
            }
        }
        return line.toString();
    }

    private static Outcome unanswered(Cause cause, String detail) {
        return new Outcome.Unanswered(new Undecided(cause, detail));
    }
}
