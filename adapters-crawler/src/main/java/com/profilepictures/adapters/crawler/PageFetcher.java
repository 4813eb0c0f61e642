package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs one page by a deadline: redirects followed by hand, only to X's hosts or the base URL's and only a
 * few times; the body read up to the byte cap and no further. Whatever stops it is an {@link Undecided}
 * with its cause, never an exception: a page the crawler cannot read tells nothing about the account.
 */
final class PageFetcher {

    /** How long a 429 that names no future time keeps the crawler from asking, as X's API's source does. */
    static final Duration DEFAULT_RATE_LIMIT = Duration.ofMinutes(1);

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private final HttpClient client;
    private final CrawlerSettings settings;
    private final XHosts hosts;

    PageFetcher(HttpClient client, CrawlerSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hosts = new XHosts(settings.baseUrl());
    }

    /** What a fetch came to: the page, or why there is none. */
    sealed interface Fetched {

        /** The verdict: {@code reading} the page, or the reason there is none to read. */
        ScrapeVerdict verdict(Function<Page, ScrapeVerdict> reading);

        /** The page's bytes as sent, {@code url} being where it was finally read from. */
        record Page(URI url, byte[] body, Optional<Charset> charset) implements Fetched {
            @Override
            public ScrapeVerdict verdict(Function<Page, ScrapeVerdict> reading) {
                return reading.apply(this);
            }
        }

        /** No page to read, and why. */
        record Unread(Undecided undecided) implements Fetched {
            @Override
            public ScrapeVerdict verdict(Function<Page, ScrapeVerdict> reading) {
                return undecided;
            }
        }
    }

    Fetched fetch(URI url, Deadline deadline) {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            Duration left = deadline.remaining();
            if (left.isZero()) {
                return unread(Cause.TIMED_OUT, "no page from " + current + " within " + deadline.length());
            }
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(left)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                    .GET()
                    .build();
            HttpResponse<BodyPrefix> response;
            CompletableFuture<HttpResponse<BodyPrefix>> pending = client.sendAsync(
                    request,
                    info -> info.statusCode() / 100 == 2 ? BodyPrefix.upTo(settings.maxBytes()) : BodyPrefix.skipped());
            try {
                // The request's own timeout ends at the response's headers; this wait covers the body too.
                response = pending.get(left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true); // aborts the exchange: nothing keeps reading once we have answered
                return unread(Cause.TIMED_OUT, "no page from " + current + " within " + deadline.length());
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                return unread(Cause.TIMED_OUT, "interrupted while reading " + current);
            } catch (ExecutionException e) {
                return failed(e.getCause(), current, deadline);
            }
            int status = response.statusCode();
            if (status / 100 == 3 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return unread(Cause.NO_PROFILE, "HTTP " + status + " without a Location from " + current);
                }
                URI next;
                try {
                    next = current.resolve(location.get().trim());
                } catch (IllegalArgumentException e) {
                    return unread(Cause.NO_PROFILE, "HTTP " + status + " to an unreadable Location from " + current);
                }
                if (!hosts.mayFollow(next)) {
                    return unread(Cause.NO_PROFILE, current + " redirects off X, to " + next);
                }
                if (redirects == settings.maxRedirects()) {
                    return unread(
                            Cause.NO_PROFILE,
                            "more than " + settings.maxRedirects() + " redirects from " + url + ", last to " + next);
                }
                current = next;
                continue;
            }
            if (status == 429) {
                // X says to stop asking: the same for this page as for X's API, until it says when.
                return new Fetched.Unread(Undecided.rateLimited(
                        "HTTP 429 (rate limited) from " + current, retryAfter(response.headers())));
            }
            if (status / 100 != 2) {
                return unread(Cause.NO_PROFILE, "HTTP " + status + " from " + current);
            }
            if (response.body().truncated()) {
                return unread(
                        Cause.NO_PROFILE,
                        "the page at " + current + " is larger than " + sizeOf(settings.maxBytes())
                                + ", not a profile page");
            }
            return new Fetched.Page(
                    current,
                    response.body().bytes(),
                    response.headers().firstValue("Content-Type").flatMap(PageFetcher::charsetOf));
        }
    }

    private static Fetched failed(Throwable error, URI url, Deadline deadline) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return unread(Cause.TIMED_OUT, "no page from " + url + " within " + deadline.length());
        }
        if (cause instanceof IOException) {
            return unread(Cause.UNREACHABLE, "cannot read " + url + ": " + describe(cause));
        }
        if (cause instanceof IllegalArgumentException) {
            // The client refuses the URL itself (an unsupported scheme after a redirect, say).
            return unread(Cause.NO_PROFILE, "cannot request " + url + ": " + describe(cause));
        }
        throw new IllegalStateException("Unexpected failure reading " + url, cause);
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

    private static Optional<Charset> charsetOf(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // unknown or illegal name: let the parser read the page's own <meta charset>
        }
    }

    private static String sizeOf(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    /**
     * When a 429 says to ask again: its {@code Retry-After} (seconds, or an HTTP date) if that is in the future,
     * else {@link #DEFAULT_RATE_LIMIT} from now.
     */
    static Instant retryAfter(HttpHeaders headers) {
        Instant now = Instant.now();
        Optional<Instant> said = headers.firstValue("Retry-After")
                .map(String::trim)
                .flatMap(value -> {
                    try {
                        return value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 10
                                ? Optional.of(now.plusSeconds(Long.parseLong(value)))
                                : Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                        .toInstant());
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                });
        return said.filter(now::isBefore).orElse(now.plus(DEFAULT_RATE_LIMIT));
    }

    private static Fetched unread(Cause cause, String detail) {
        return new Fetched.Unread(new Undecided(cause, detail));
    }
}
