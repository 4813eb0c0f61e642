package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.scrape.PageHead;
import com.profilepictures.domain.scrape.PageHead.Reading;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.domain.scrape.XSite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page X rendered on its server, as a crawler reads it: only its {@code <head>} (X puts the account there, and
 * the body holds what other people wrote), whose JSON-LD {@code ProfilePage} blocks and Open Graph tags the
 * domain's {@link PageHead} rule reads for the account asked.
 */
record ServerRenderedPage(PageHead head) {

    /** Parses {@code body} as HTML, in {@code charset} if the response named one, else as the page declares. */
    static ServerRenderedPage parse(java.net.URI url, byte[] body, Optional<Charset> charset) {
        Document document;
        try {
            document = Jsoup.parse(
                    new ByteArrayInputStream(body), charset.map(Charset::name).orElse(null), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bytes already in memory failed", e);
        }
        Element head = document.head();
        List<PageHead.ProfileBlock> profiles = new ArrayList<>();
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
        return new ServerRenderedPage(new PageHead(url, profiles, ogUrl, ogImage));
    }

    /**
     * The verdict this page gives about {@code asked}: conclusive only when its head vouches for that account
     * (and for no other) with a picture that is X's: a profile picture is the answer, X's site-wide image says
     * nothing, and an image that is not X's is an invalid picture.
     */
    ScrapeVerdict verdictFor(Handle asked, XSite site) {
        return switch (head.readFor(asked, site)) {
            case Reading.NamesNobody nobody ->
                new Undecided(
                        Cause.NO_PROFILE,
                        "no ProfilePage block or profile og:url in the <head> of " + head.page()
                                + " (unknown, suspended or limited account, a caller X serves no profile, or"
                                + " another page than a profile)");
            case Reading.NamesOthers(List<Handle> others) ->
                // A stale or shared cache: not this account's page, whatever else it says.
                new Undecided(
                        Cause.OTHER_ACCOUNT,
                        "the page at " + head.page() + " is @" + others.get(0) + "'s, not @" + asked + "'s");
            case Reading.Vouches(Handle account, Optional<String> picture)
            when picture.isEmpty() ->
                new Undecided(
                        Cause.NO_PROFILE,
                        "the page at " + head.page() + " names @" + account + " but shows no picture");
            case Reading.Vouches(Handle account, Optional<String> picture) -> pictureVerdict(account, picture.get());
        };
    }

    private ScrapeVerdict pictureVerdict(Handle account, String picture) {
        return switch (PictureUrl.classify(picture)) {
            case PictureUrl.Kind.ProfilePictureUrl(PictureUrl url) -> new Found(account, url);
            case PictureUrl.Kind.SiteWideImage(String url) ->
                new Undecided(
                        Cause.NO_PROFILE,
                        "the page at " + head.page() + " shows " + abbreviated(url)
                                + ", an image of X's that is not a profile picture (X's site-wide image)");
            case PictureUrl.Kind.ForeignImage(String url, String why) ->
                new InvalidPictureUrl("The profile page's picture is " + why);
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
