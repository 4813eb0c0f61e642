package com.profilepictures.adapters.xapi;

import com.profilepictures.adapters.xapi.LookupCall.Outcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads accounts' pictures from X's own API, v2 user lookup, with the operator's app-only bearer token: the one
 * way of reading X with a documented contract. One account is {@code GET /2/users/by/username/{handle}}; many
 * are asked a hundred at a time with {@code GET /2/users/by?usernames=…}, after handles that differ only in case
 * are made one. X's answer decides (found, not found, suspended); anything else (a 5xx, no answer in time, an
 * unreadable or oversized answer, an account the answer leaves out) is {@link Undecided}. A rate limit (429) or a
 * refused token (401, 403) pauses the source in this process ({@link SourcePause}).
 *
 * <p>One HTTP client serves every lookup, so a warm scrape reuses its connection to X. Its threads are daemons
 * and it holds nothing else, so there is nothing to close.
 */
public final class XApiProfilePictureScraper implements ProfilePictureScraper {

    private final XApiSettings settings;
    private final LookupCall call;
    private final SourcePause pause;

    public XApiProfilePictureScraper(XApiSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // Never redirected: the token is sent to the configured host only.
        this.call = new LookupCall(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                settings);
        this.pause = new SourcePause(clock);
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        return lookUp(List.of(handle), settings.oneUrl(handle), deadline).get(handle);
    }

    @Override
    public Map<Handle, ScrapeVerdict> scrapeAll(List<Handle> handles, Deadline deadline) {
        List<Handle> accounts = List.copyOf(new LinkedHashSet<>(handles)); // Handle equality ignores case
        Map<Handle, ScrapeVerdict> verdicts = new LinkedHashMap<>();
        for (int from = 0; from < accounts.size(); from += XApiSettings.MAX_USERNAMES_PER_REQUEST) {
            List<Handle> chunk =
                    accounts.subList(from, Math.min(accounts.size(), from + XApiSettings.MAX_USERNAMES_PER_REQUEST));
            URI url = chunk.size() == 1 ? settings.oneUrl(chunk.get(0)) : settings.batchUrl(chunk);
            verdicts.putAll(lookUp(chunk, url, deadline));
        }
        return verdicts;
    }

    private Map<Handle, ScrapeVerdict> lookUp(List<Handle> handles, URI url, Deadline deadline) {
        Optional<Undecided> paused = pause.current();
        if (paused.isPresent()) {
            return each(handles, paused.get());
        }
        Outcome outcome = call.get(url, deadline);
        if (outcome instanceof Outcome.Unanswered unanswered) {
            return each(handles, unanswered.undecided());
        }
        Outcome.Answer answer = (Outcome.Answer) outcome;
        int status = answer.status();
        if (status == 200) {
            if (answer.truncated()) {
                return each(
                        handles,
                        new Undecided(
                                Cause.NO_PROFILE,
                                "X's API answered " + url + " with more than " + settings.maxBytes() + " bytes"));
            }
            return UserLookupAnswer.verdictsFor(handles, answer.body());
        }
        if (status == 429) {
            return each(handles, pause.rateLimited(status, resetOf(answer.headers())));
        }
        if (status == 401 || status == 403) {
            return each(handles, pause.refused(status));
        }
        return each(handles, new Undecided(Cause.NO_PROFILE, "HTTP " + status + " from X's API at " + url));
    }

    /** When X's rate-limit window resets ({@code x-rate-limit-reset}, epoch seconds), if it says. */
    private static Optional<Instant> resetOf(HttpHeaders headers) {
        try {
            return headers.firstValue("x-rate-limit-reset")
                    .map(String::trim)
                    .map(Long::parseLong)
                    .map(Instant::ofEpochSecond);
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable: the default pause applies
        }
    }

    private static Map<Handle, ScrapeVerdict> each(List<Handle> handles, ScrapeVerdict verdict) {
        Map<Handle, ScrapeVerdict> verdicts = new LinkedHashMap<>();
        new ArrayList<>(handles).forEach(handle -> verdicts.put(handle, verdict));
        return verdicts;
    }
}
