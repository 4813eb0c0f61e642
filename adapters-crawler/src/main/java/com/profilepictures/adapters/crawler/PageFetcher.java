package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.httpexchange.BodyPrefix;
import com.profilepictures.httpexchange.BoundedGet;
import com.profilepictures.httpexchange.BoundedGet.Sent;
import com.profilepictures.httpexchange.BoundedGet.Wording;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    private static final Wording WORDING = new Wording("no page from", "reading", "read", "request");

    private final BoundedGet get;
    private final CrawlerSettings settings;
    private final XHosts hosts;
    private final String[] headers;

    PageFetcher(HttpClient client, CrawlerSettings settings) {
        this.get = new BoundedGet(client, WORDING);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hosts = new XHosts(settings.baseUrl());
        this.headers = new String[] {
            "User-Agent", settings.userAgent(), "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
        };
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
            HttpResponse<BodyPrefix> response;
            switch (get.get(current, deadline, status -> status / 100 == 2, settings.maxBytes(), headers)) {
                case Sent.Unanswered(Undecided undecided) -> {
                    return new Fetched.Unread(undecided);
                }
                case Sent.Received(HttpResponse<BodyPrefix> received) -> response = received;
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
