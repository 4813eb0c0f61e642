package com.profilepictures.httpexchange;

import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.function.IntPredicate;

/**
 * One GET by a deadline, the body read up to a cap and no further: the deadline covers the body as well as the
 * headers, and once it has passed nothing keeps reading. What stops it is an {@link Undecided} with its cause
 * (out of time, unreachable, a URL the client refuses), never an exception, in the caller's {@link Wording}.
 */
public final class BoundedGet {

    private final HttpClient client;
    private final Wording wording;

    public BoundedGet(HttpClient client, Wording wording) {
        this.client = Objects.requireNonNull(client, "client");
        this.wording = Objects.requireNonNull(wording, "wording");
    }

    /**
     * How a caller's failures read, each followed by the URL: "{noAnswer} {url} within {deadline}",
     * "interrupted while {doing} {url}", "cannot {reach} {url}: {why}", "cannot {ask} {url}: {why}".
     *
     * @param noAnswer what there is none of when time runs out, e.g. "no page from"
     * @param doing    what was being done, e.g. "reading"
     * @param reach    what could not be done when the host cannot be reached, e.g. "read"
     * @param ask      what could not be done when the client refuses the URL, e.g. "request"
     */
    public record Wording(String noAnswer, String doing, String reach, String ask) {
        public Wording {
            Objects.requireNonNull(noAnswer, "noAnswer");
            Objects.requireNonNull(doing, "doing");
            Objects.requireNonNull(reach, "reach");
            Objects.requireNonNull(ask, "ask");
        }
    }

    /** What a GET came to: a response (its body a prefix), or why there is none. */
    public sealed interface Sent {

        /** The response, whatever its status. */
        record Received(HttpResponse<BodyPrefix> response) implements Sent {}

        /** No response, and why. */
        record Unanswered(Undecided undecided) implements Sent {}
    }

    /**
     * GETs {@code url} with {@code headers} (name, value, …) by {@code deadline}, reading up to {@code maxBytes}
     * of the body when {@code bodyWanted} holds for the status, and none of it otherwise.
     */
    public Sent get(URI url, Deadline deadline, IntPredicate bodyWanted, int maxBytes, String... headers) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            return timedOut(url, deadline);
        }
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(left).headers(headers).GET().build();
        CompletableFuture<HttpResponse<BodyPrefix>> pending = client.sendAsync(
                request, info -> bodyWanted.test(info.statusCode()) ? BodyPrefix.upTo(maxBytes) : BodyPrefix.skipped());
        try {
            // The request's own timeout ends at the response's headers; this wait covers the body too.
            return new Sent.Received(pending.get(left.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true); // aborts the exchange: nothing keeps reading once we have answered
            return timedOut(url, deadline);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return unanswered(Cause.TIMED_OUT, "interrupted while " + wording.doing() + " " + url);
        } catch (ExecutionException e) {
            return failed(e.getCause(), url, deadline);
        }
    }

    private Sent failed(Throwable error, URI url, Deadline deadline) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return timedOut(url, deadline);
        }
        if (cause instanceof IOException) {
            return unanswered(Cause.UNREACHABLE, "cannot " + wording.reach() + " " + url + ": " + describe(cause));
        }
        if (cause instanceof IllegalArgumentException) {
            // The client refuses the URL itself (an unsupported scheme after a redirect, say).
            return unanswered(Cause.NO_PROFILE, "cannot " + wording.ask() + " " + url + ": " + describe(cause));
        }
        throw new IllegalStateException("Unexpected failure " + wording.doing() + " " + url, cause);
    }

    private Sent timedOut(URI url, Deadline deadline) {
        return unanswered(Cause.TIMED_OUT, wording.noAnswer() + " " + url + " within " + deadline.length());
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

    private static Sent unanswered(Cause cause, String detail) {
        return new Sent.Unanswered(new Undecided(cause, detail));
    }
}
