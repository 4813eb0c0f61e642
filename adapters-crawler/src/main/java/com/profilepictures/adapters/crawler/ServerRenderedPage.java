package com.profilepictures.adapters.crawler;

import com.profilepictures.adapters.crawler.JsonLdProfiles.ProfileBlock;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.InvalidHandleException;
import com.profilepictures.domain.InvalidPictureUrlException;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ScrapeVerdict;
import com.profilepictures.domain.ScrapeVerdict.Found;
import com.profilepictures.domain.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.ScrapeVerdict.Undecided;
import com.profilepictures.domain.ScrapeVerdict.Undecided.Cause;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the {@code <head>} of a page X rendered on its server says about an account: its JSON-LD
 * {@code ProfilePage} blocks and its Open Graph {@code og:url} and {@code og:image}. Only the head is read:
 * X puts these there, and the body holds what other people wrote.
 *
 * @param url      where the page was read, for messages
 * @param profiles the {@code ProfilePage} blocks, in document order
 * @param ogUrl    the first {@code og:url}
 * @param ogImage  the first {@code og:image}
 */
record ServerRenderedPage(URI url, List<ProfileBlock> profiles, Optional<String> ogUrl, Optional<String> ogImage) {

    ServerRenderedPage {
        profiles = List.copyOf(profiles);
    }

    /** Parses {@code body} as HTML, in {@code charset} if the response named one, else as the page declares. */
    static ServerRenderedPage parse(URI url, byte[] body, Optional<Charset> charset) {
        Document document;
        try {
            document = Jsoup.parse(
                    new ByteArrayInputStream(body), charset.map(Charset::name).orElse(null), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bytes already in memory failed", e);
        }
        Element head = document.head();
        List<ProfileBlock> profiles = new ArrayList<>();
        for (Element script : head.getElementsByTag("script")) {
            if (script.attr("type").trim().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                profiles.addAll(JsonLdProfiles.in(script.data()));
            }
        }
        Optional<String> ogUrl = Optional.empty();
        Optional<String> ogImage = Optional.empty();
        for (Element meta : head.getElementsByTag("meta")) {
            // X writes property=; some pages write name=. The first of each wins, as link previews take it.
            String property = (meta.hasAttr("property") ? meta.attr("property") : meta.attr("name")).trim();
            String content = meta.attr("content").trim();
            if (content.isEmpty()) {
                continue;
            }
            if (ogUrl.isEmpty() && property.equalsIgnoreCase("og:url")) {
                ogUrl = Optional.of(content);
            } else if (ogImage.isEmpty() && property.equalsIgnoreCase("og:image")) {
                ogImage = Optional.of(content);
            }
        }
        return new ServerRenderedPage(url, profiles, ogUrl, ogImage);
    }

    /**
     * The verdict this page gives about {@code asked}: conclusive only when the page vouches for that account
     * (a profile block naming it, or an og:url that is its profile) and for no other.
     */
    ScrapeVerdict verdictFor(Handle asked, XHosts hosts) {
        Optional<ProfileBlock> vouching = Optional.empty();
        List<Handle> named = new ArrayList<>();
        for (ProfileBlock block : profiles) {
            Optional<Handle> account = block.additionalName().flatMap(ServerRenderedPage::handleIn);
            account.ifPresent(named::add);
            if (vouching.isEmpty() && account.filter(asked::sameAccountAs).isPresent()) {
                vouching = Optional.of(block);
            }
        }
        Optional<Handle> ogAccount = ogUrl.flatMap(hosts::accountOf);
        ogAccount.ifPresent(named::add);

        if (named.isEmpty()) {
            return undecided(
                    Cause.NO_PROFILE,
                    "no ProfilePage block or profile og:url in the <head> of " + url
                            + " (unknown, suspended or limited account, or a caller X serves no profile)");
        }
        Optional<Handle> other =
                named.stream().filter(account -> !account.sameAccountAs(asked)).findFirst();
        if (other.isPresent()) {
            // A stale or shared cache: not this account's page, whatever else it says.
            return undecided(
                    Cause.OTHER_ACCOUNT, "the page at " + url + " is @" + other.get() + "'s, not @" + asked + "'s");
        }
        Handle canonical = vouching.flatMap(block -> block.additionalName().flatMap(ServerRenderedPage::handleIn))
                .orElseGet(ogAccount::orElseThrow);
        Optional<String> picture = vouching.flatMap(ProfileBlock::contentUrl).or(() -> ogImage);
        if (picture.isEmpty()) {
            return undecided(Cause.NO_PROFILE, "the page at " + url + " names @" + canonical + " but shows no picture");
        }
        return pictureVerdict(canonical, picture.get());
    }

    /**
     * A picture on X's image hosts in a profile picture's shape is the answer; one there in another shape is
     * X's site-wide image, which tells nothing; one anywhere else is not X's at all.
     */
    private ScrapeVerdict pictureVerdict(Handle canonical, String written) {
        String picture = written.trim();
        URI uri;
        try {
            uri = new URI(picture);
        } catch (URISyntaxException e) {
            return new InvalidPictureUrl("The profile page's picture is not a URL: " + abbreviated(picture));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return new InvalidPictureUrl("The profile page's picture is not an http(s) URL: " + abbreviated(picture));
        }
        if (uri.getHost() == null || !XHosts.isImageHost(uri.getHost())) {
            return new InvalidPictureUrl(
                    "The profile page's picture is not on X's image hosts: " + abbreviated(picture));
        }
        try {
            return new Found(canonical, PictureUrl.of(picture));
        } catch (InvalidPictureUrlException e) {
            return undecided(
                    Cause.NO_PROFILE,
                    "the page at " + url + " shows " + abbreviated(picture)
                            + ", an image of X's that is not a profile picture (X's site-wide image)");
        }
    }

    private static Optional<Handle> handleIn(String additionalName) {
        String name = additionalName.trim();
        name = name.startsWith("@") ? name.substring(1) : name;
        try {
            return Optional.of(Handle.of(name));
        } catch (InvalidHandleException e) {
            return Optional.empty(); // not a handle: the block names no account we could store
        }
    }

    private static Undecided undecided(Cause cause, String detail) {
        return new Undecided(cause, detail);
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
