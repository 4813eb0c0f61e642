package com.profilepictures.fixturesite;

import java.time.Duration;
import java.util.Set;

/**
 * The fixture site's special accounts and the case each stands for, each named here once. {@link FixtureSite}
 * implements this interface so that a test names a case where it names the site: {@code FixtureSite.NONEXISTENT}.
 * Every valid handle not listed here is a normal profile whose owner's avatar JavaScript inserts after a delay,
 * after other people's avatars, and whose canonical spelling starts with a capital ({@code jack} is
 * {@code Jack}). In a browser, each constant's comment says what the app shows.
 *
 * <p><b>Crawlers and browsers.</b> As X does, the site answers by {@code User-Agent}: one that looks like a
 * browser's ({@code Mozilla/} and no {@code bot}) gets the app above at {@code /{handle}}, and is sent on
 * from {@code /intent/user?screen_name={handle}} to {@code /{handle}}; any other (a crawler: this service's
 * own, Slackbot, curl, the JDK's client) gets the page X renders on its server, with the account in its
 * head as JSON-LD ({@code ProfilePage}) and Open Graph tags, at {@code /intent/user?screen_name={handle}}
 * for every handle and at {@code /{handle}} for handles that do not start with {@code _} (X's own
 * {@code /{handle}} page left those out). What a crawler reads, by handle:
 * <ul>
 *   <li>any normal handle, {@link #PROTECTED}, {@link #DEFAULT_AVATAR}: a ProfilePage block and Open Graph
 *       tags; the block's {@code contentUrl} is {@link FixtureSite#pictureUrlOf}, {@code og:image} its {@code _200x200};
 *   <li>{@link #OG_IMAGE_ONLY}: Open Graph tags only, {@code og:image} being {@link FixtureSite#pictureUrlOf};
 *   <li>{@link #FOREIGN_PICTURE}: a ProfilePage block whose picture is on a foreign host;
 *       {@link #DATA_URL_PICTURE}: one whose picture is a {@code data:} URL;
 *   <li>{@link #SHOWS_ANOTHER_ACCOUNT}: {@link #ANOTHER_ACCOUNT}'s block and tags;
 *   <li>{@link #NONEXISTENT}, {@link #SUSPENDED}, {@link #LOGIN_WALL}, {@link #NEVER_RENDERS},
 *       {@link #LATE_AVATAR} and {@link #APP_ONLY}: no profile at all, only the site-wide {@code og:image}
 *       ({@link #SITE_WIDE_IMAGE}), so only a browser can tell ({@link #APP_ONLY}, and every handle that
 *       starts with it, is a normal profile in the app: the way to see the browser decide);
 *   <li>{@link #RATE_LIMITED}: that page with HTTP 429; {@link #ERROR_PAGE}: with HTTP 500;
 *   <li>{@link #SITE_IMAGE_ONLY}: an {@code og:url} naming the account but only the site-wide image;
 *   <li>{@link #NO_HEAD}: no {@code <head>}, the profile block in the body;
 *   <li>{@link #SLOW_FOR_CRAWLERS}: the page's first bytes, then nothing for {@link #SLOW_CRAWLER_PAGE_DELAY};
 *   <li>{@link #OVERSIZED_PAGE}: a profile block, then a body that goes on for 64 MiB;
 *   <li>{@link #REDIRECTED}: a redirect within the site, then the profile; {@link #REDIRECT_LOOP}: redirects
 *       to itself forever; {@link #REDIRECTED_AWAY}: a redirect to the same site under another host name.
 * </ul>
 * Browsers see every crawler-only handle as a normal profile.
 *
 * <p><b>Pictures.</b> The site also serves the pictures' bytes at X's image paths
 * ({@code /profile_images/…}, {@code /sticky/default_profile_images/…}): point the picture host at the site
 * ({@code X_IMAGE_BASE_URL}) and it downloads real, small images, the same bytes for the same URL every time
 * ({@link FixtureSite#pictureBytesOf}). {@link FixtureSite#changePicture} gives an account a new picture (a new id, so a new URL
 * and new bytes), as its owner uploading one would; {@link #PICTURE_GONE}, {@link #PICTURE_NOT_IMAGE} and
 * {@link #PICTURE_TOO_BIG} are normal profiles whose picture answers 404, a web page, or 5 MiB;
 * {@link FixtureSite#pictureRequestsFor} counts the downloads of a handle's pictures. A normal profile's picture
 * also changes on {@code POST /_demo/change/{handle}}, the demo's control (see {@link FixtureSite}).
 *
 * <p><b>X's API.</b> The site also stands in for X API v2 user lookup ({@code /2/users/by/username/{handle}} and
 * {@code /2/users/by?usernames=…}, with {@code Authorization: Bearer }{@link #X_API_TOKEN}), with the same accounts:
 * every normal handle, {@link #APP_ONLY} and {@link #PROTECTED} included, is found with its picture in X's
 * {@code _normal} size; {@link #NONEXISTENT} is a "Not Found Error", {@link #SUSPENDED} a "Forbidden" suspension,
 * {@link #SHOWS_ANOTHER_ACCOUNT} answers {@link #ANOTHER_ACCOUNT}'s user and {@link #X_API_OMITTED} is left out of
 * the answer. These answer a whole request, wherever they are in it: {@link #RATE_LIMITED} a 429 with
 * {@code x-rate-limit-reset}, {@link #X_API_LIMITED_WITHOUT_RESET} one without, {@link #X_API_FORBIDDEN} a 403
 * (an app without access), {@link #ERROR_PAGE} a 503, {@link #X_API_UNREADABLE} a 200 that is not JSON,
 * {@link #SLOW_FOR_CRAWLERS} a stall and {@link #OVERSIZED_PAGE} a JSON answer of 8 MiB. Any other token is a 401.
 * {@link FixtureSite#xApiRequests} lists what each request asked; {@link FixtureSite#pageRequestCount} counts the pages read instead.
 */
public interface FixtureHandles {

    /** The account does not exist. */
    public static final String NONEXISTENT = "ghost";
    /** The account is suspended. */
    public static final String SUSPENDED = "banned";
    /** A protected account: its posts are hidden, its avatar is not. */
    public static final String PROTECTED = "locked";
    /** No uploaded picture: X's default avatar. */
    public static final String DEFAULT_AVATAR = "nopic";
    /** The avatar never renders; only the og:image meta tag carries the picture. */
    public static final String OG_IMAGE_ONLY = "ogonly";
    /** Redirected to the login wall at /i/flow/login. */
    public static final String LOGIN_WALL = "walled";
    /** X's rate-limit page, with HTTP 429. */
    public static final String RATE_LIMITED = "limited";
    /** "Something went wrong. Try reloading.", with HTTP 200. */
    public static final String ERROR_PAGE = "broken";
    /** A shell whose scripts never render anything. */
    public static final String NEVER_RENDERS = "blank";
    /** A normal-looking profile whose picture is on a host that is not X's. */
    public static final String FOREIGN_PICTURE = "foreign";
    /**
     * The owner's avatar appears after {@link #LATE_AVATAR_DELAY} whatever the site's delay, and the og:image
     * tag names an earlier picture of the account ({@link FixtureSite#stalePictureUrlOf}), as a cached tag may.
     */
    public static final String LATE_AVATAR = "latepic";

    public static final Duration LATE_AVATAR_DELAY = Duration.ofMillis(700);
    /** The page shows {@link #ANOTHER_ACCOUNT}'s profile and og:image instead of the requested one's. */
    public static final String SHOWS_ANOTHER_ACCOUNT = "swapped";

    public static final String ANOTHER_ACCOUNT = "Someone_Else";

    // For crawlers only (see the class comment); browsers see normal profiles under these handles.
    /** A normal profile in the app, but X's server page has no profile for crawlers: only a browser can read it. */
    public static final String APP_ONLY = "apponly";

    /** The server page's og:url names the account, its og:image is only {@link #SITE_WIDE_IMAGE}. */
    public static final String SITE_IMAGE_ONLY = "siteimage";
    /** The server page's profile block names a {@link #DATA_URL} as the picture. */
    public static final String DATA_URL_PICTURE = "datapic";

    public static final String DATA_URL =
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
    /** The server page has no {@code <head>}; its profile block is in the body. */
    public static final String NO_HEAD = "nohead";
    /** The server page sends its first bytes, then nothing for {@link #SLOW_CRAWLER_PAGE_DELAY}. */
    public static final String SLOW_FOR_CRAWLERS = "slowpoke";
    /** Longer than any crawler's budget, {@code CRAWLER_TIMEOUT} and {@code SCRAPE_TIMEOUT} included. */
    public static final Duration SLOW_CRAWLER_PAGE_DELAY = Duration.ofSeconds(30);
    /** The server page vouches for the account, then its body goes on for 64 MiB. */
    public static final String OVERSIZED_PAGE = "hugepage";
    /** The intent page redirects once, within the site, to the account's page. */
    public static final String REDIRECTED = "moved";
    /** The intent page redirects to itself, forever. */
    public static final String REDIRECT_LOOP = "loops";
    /** The intent page redirects to this very site under another host name ({@code localhost}). */
    public static final String REDIRECTED_AWAY = "elsewhere";
    // What X's server renders into the <head> a browser receives (JSON-LD, Open Graph), beside or instead of the app.
    /** The head vouches for the account with a JSON-LD ProfilePage block; the app never renders anything. */
    public static final String JSON_LD_ONLY = "ldonly";
    /** The head vouches for the account with Open Graph tags only (og:url, og:image); the app never renders anything. */
    public static final String OPEN_GRAPH_ONLY = "ogurl";
    /** The head vouches for the account with an earlier picture; the owner's avatar appears after {@link #LATE_AVATAR_DELAY}. */
    public static final String STALE_HEAD = "latehead";
    /**
     * The head names {@link #ANOTHER_ACCOUNT}, with its picture (a stale or shared cache), while the app shows the
     * requested account, whose avatar appears only after {@link #SLOW_AVATAR_DELAY}.
     */
    public static final String HEAD_OF_ANOTHER = "otherhead";
    /**
     * og:url names the account but og:image is X's site-wide image ({@link #SITE_WIDE_IMAGE}); the owner's avatar
     * appears only after {@link #SLOW_AVATAR_DELAY}.
     */
    public static final String SITE_WIDE_OG_IMAGE = "sitewide";
    /** The head names {@link #ANOTHER_ACCOUNT}; the app never renders anything. */
    public static final String ANOTHER_ACCOUNTS_HEAD = "ldother";
    /** The owner's avatar's src is a {@code javascript:} URL. */
    public static final String SCRIPT_AVATAR = "jsavatar";
    /** The owner's avatar's src is a {@code data:} URL. */
    public static final String DATA_AVATAR = "dataavatar";
    /** Longer than a scraper should wait for an avatar once the app shows the owner's name. */
    public static final Duration SLOW_AVATAR_DELAY = Duration.ofMillis(1500);
    /** A normal profile whose picture's URL answers 404, as a picture deleted meanwhile does. */
    public static final String PICTURE_GONE = "gonepic";
    /** A normal profile whose picture's URL answers 200 with a web page instead of an image. */
    public static final String PICTURE_NOT_IMAGE = "htmlpic";
    /** A normal profile whose picture's URL answers 5 MiB of "image", with no length declared. */
    public static final String PICTURE_TOO_BIG = "hugepic";
    /** The og:image X's server shows when it had no profile to show: nobody's picture. */
    public static final String SITE_WIDE_IMAGE = "https://abs.twimg.com/rweb/ssr/default/v2/og/image.png";

    /** The bearer token the stand-in for X's API accepts; any other is answered 401, as X answers a bad one. */
    public static final String X_API_TOKEN = "fixture-app-only-bearer-token";
    /** X's API answers about every account asked but this one: neither found nor an error. */
    public static final String X_API_OMITTED = "omitted";
    /** X's API answers 429 without {@code x-rate-limit-reset}. */
    public static final String X_API_LIMITED_WITHOUT_RESET = "limitedbare";
    /** X's API answers 403: an app without access to user lookup. */
    public static final String X_API_FORBIDDEN = "noaccess";
    /** X's API answers 200 with a web page instead of JSON. */
    public static final String X_API_UNREADABLE = "garbled";

    /** The handles a browser sees as a special case (the crawler-only and API-only ones are normal profiles there). */
    public static final Set<String> SPECIAL_HANDLES = Set.of(
            NONEXISTENT,
            SUSPENDED,
            PROTECTED,
            DEFAULT_AVATAR,
            OG_IMAGE_ONLY,
            LOGIN_WALL,
            RATE_LIMITED,
            ERROR_PAGE,
            NEVER_RENDERS,
            FOREIGN_PICTURE,
            LATE_AVATAR,
            SHOWS_ANOTHER_ACCOUNT,
            JSON_LD_ONLY,
            OPEN_GRAPH_ONLY,
            STALE_HEAD,
            HEAD_OF_ANOTHER,
            SITE_WIDE_OG_IMAGE,
            ANOTHER_ACCOUNTS_HEAD,
            SCRIPT_AVATAR,
            DATA_AVATAR);
}
