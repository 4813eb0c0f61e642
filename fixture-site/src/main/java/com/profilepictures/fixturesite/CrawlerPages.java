package com.profilepictures.fixturesite;

import static com.profilepictures.fixturesite.FixtureSite.canonicalSpellingOf;
import static com.profilepictures.fixturesite.FixtureSite.pictureUrlOf;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture site's pages for crawlers: what X renders on its server for link-preview crawlers, at
 * {@code /intent/user?screen_name={handle}} for every handle and at {@code /{handle}} for handles that do
 * not start with {@code _}. Which handle shows what is listed in {@link FixtureSite}'s class comment.
 */
final class CrawlerPages {

    static final String INTENT_PATH = "/intent/user";

    static final Pattern SCREEN_NAME = Pattern.compile("(?:^|&)screen_name=([A-Za-z0-9_]{1,15})(?:&|$)");
    private static final String FOLLOWED = "followed=1";
    // The oversized page ends somewhere, in case a client does read it all.
    private static final int OVERSIZED_PAGE_LIMIT = 64 * 1024 * 1024;

    private final Consumer<String> onRequest;
    private final UnaryOperator<String> currentPicture;
    // Released when the site closes, so that a stalled page lets go at once instead of holding its thread.
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * {@code onRequest} is told the key of each handle whose page is asked for; {@code currentPicture} gives a
     * normal profile's picture now (it changes when a test changes it).
     */
    CrawlerPages(Consumer<String> onRequest, UnaryOperator<String> currentPicture) {
        this.onRequest = onRequest;
        this.currentPicture = currentPicture;
    }

    /**
     * A browser is what says it is one: {@code Mozilla/} in its {@code User-Agent}, and no {@code bot}
     * (Googlebot and Discordbot say {@code Mozilla/} too). Everything else is served as X serves crawlers.
     */
    static boolean looksLikeBrowser(HttpExchange exchange) {
        String userAgent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent"))
                .orElse("")
                .toLowerCase(Locale.ROOT);
        return userAgent.contains("mozilla/") && !userAgent.contains("bot");
    }

    /** {@code /intent/user?screen_name=…}: the server-rendered page for crawlers; browsers go on to the profile. */
    void serveIntent(HttpExchange exchange) throws IOException {
        String query =
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        Matcher screenName = SCREEN_NAME.matcher(query);
        if (!screenName.find()) {
            Responses.notFound(exchange, "No screen_name.");
            return;
        }
        String requested = screenName.group(1);
        String key = requested.toLowerCase(Locale.ROOT);
        if (looksLikeBrowser(exchange)) {
            // X's app takes a browser from the intent page on to the profile.
            Responses.redirect(exchange, "/" + requested);
            return;
        }
        switch (key) {
            case FixtureSite.REDIRECTED:
                if (!query.contains(FOLLOWED)) {
                    onRequest.accept(key);
                    Responses.redirect(
                            exchange, INTENT_PATH + "?screen_name=" + canonicalSpellingOf(key) + "&" + FOLLOWED);
                    return;
                }
                break;
            case FixtureSite.REDIRECT_LOOP:
                onRequest.accept(key);
                Responses.redirect(exchange, INTENT_PATH + "?" + query);
                return;
            case FixtureSite.REDIRECTED_AWAY:
                onRequest.accept(key);
                // The same site under another name: a crawler that followed it would find a profile there.
                Responses.redirect(
                        exchange,
                        "http://localhost:" + exchange.getLocalAddress().getPort() + INTENT_PATH + "?" + query);
                return;
            default:
                break;
        }
        serve(exchange, key);
    }

    /** {@code /{handle}} asked for by a crawler: as the intent page, except that X left out the profile for {@code _}-handles. */
    void serveProfile(HttpExchange exchange, String requested) throws IOException {
        String key = requested.toLowerCase(Locale.ROOT);
        if (key.startsWith("_")) {
            onRequest.accept(key);
            Responses.html(exchange, 200, noProfilePage());
            return;
        }
        serve(exchange, key);
    }

    private void serve(HttpExchange exchange, String key) throws IOException {
        onRequest.accept(key);
        String handle = canonicalSpellingOf(key);
        if (FixtureSite.isAppOnly(key)) {
            Responses.html(exchange, 200, noProfilePage());
            return;
        }
        switch (key) {
            case FixtureSite.RATE_LIMITED:
                Responses.html(exchange, 429, noProfilePage());
                return;
            case FixtureSite.ERROR_PAGE:
                Responses.html(exchange, 500, noProfilePage());
                return;
            case FixtureSite.NONEXISTENT:
            case FixtureSite.SUSPENDED:
            case FixtureSite.LOGIN_WALL:
            case FixtureSite.NEVER_RENDERS:
            case FixtureSite.LATE_AVATAR:
                Responses.html(exchange, 200, noProfilePage());
                return;
            case FixtureSite.SHOWS_ANOTHER_ACCOUNT:
                String other = FixtureSite.ANOTHER_ACCOUNT;
                Responses.html(
                        exchange,
                        200,
                        page(
                                other,
                                ServerHead.profileBlock(other, pictureUrlOf(other))
                                        + ServerHead.openGraph(
                                                other, pictureUrlOf(other).replace("_400x400", "_200x200")),
                                ""));
                return;
            case FixtureSite.OG_IMAGE_ONLY:
                Responses.html(exchange, 200, page(handle, ServerHead.openGraph(handle, pictureUrlOf(key)), ""));
                return;
            case FixtureSite.SITE_IMAGE_ONLY:
                Responses.html(
                        exchange, 200, page(handle, ServerHead.openGraph(handle, FixtureSite.SITE_WIDE_IMAGE), ""));
                return;
            case FixtureSite.DATA_URL_PICTURE:
                Responses.html(
                        exchange,
                        200,
                        page(
                                handle,
                                ServerHead.profileBlock(handle, FixtureSite.DATA_URL)
                                        + ServerHead.openGraph(handle, FixtureSite.DATA_URL),
                                ""));
                return;
            case FixtureSite.NO_HEAD:
                Responses.html(
                        exchange,
                        200,
                        PageTemplates.fill(
                                "server-rendered-no-head.html",
                                Map.of(
                                        "HANDLE",
                                        handle,
                                        "PROFILE",
                                        ServerHead.profileBlock(handle, pictureUrlOf(key)))));
                return;
            case FixtureSite.SLOW_FOR_CRAWLERS:
                sendSlowly(exchange, page(handle, fullProfile(handle, key), ""));
                return;
            case FixtureSite.OVERSIZED_PAGE:
                sendEndlessly(exchange, page(handle, fullProfile(handle, key), "{{PADDING}}"));
                return;
            default:
                Responses.html(exchange, 200, page(handle, fullProfile(handle, key), ""));
        }
    }

    private String fullProfile(String handle, String key) {
        String picture = currentPicture.apply(key);
        return ServerHead.profileBlock(handle, picture)
                + ServerHead.openGraph(handle, picture.replace("_400x400", "_200x200"));
    }

    /** What X serves when it has no profile to show: no ProfilePage block, and only the site-wide image. */
    private static String noProfilePage() {
        return PageTemplates.fill(
                "server-rendered.html",
                Map.of(
                        "TITLE",
                        "X",
                        "BODY",
                        "",
                        "HEAD",
                        "<meta content=\"website\" property=\"og:type\">\n"
                                + "<meta content=\"X (formerly Twitter)\" property=\"og:title\">\n"
                                + "<meta content=\"" + FixtureSite.SITE_WIDE_IMAGE + "\" property=\"og:image\">\n"));
    }

    private static String page(String handle, String head, String body) {
        return PageTemplates.fill(
                "server-rendered.html",
                Map.of("TITLE", handle + " the Tester (@" + handle + ") / X", "HEAD", head, "BODY", body));
    }

    /** The site is closing: stalled pages stop stalling. */
    void close() {
        closed.countDown();
    }

    /** Sends the page's first bytes at once, then nothing for {@link FixtureSite#SLOW_CRAWLER_PAGE_DELAY}. */
    private void sendSlowly(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, 0, 64);
            out.flush();
            try {
                // A stalled server: nothing to wait for but the stall's end, or the site closing.
                if (closed.await(FixtureSite.SLOW_CRAWLER_PAGE_DELAY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the site is closing
                return;
            }
            out.write(body, 64, body.length - 64);
        }
    }

    /** Sends the page with its body padded on and on, until the client stops reading or the limit. */
    private static void sendEndlessly(HttpExchange exchange, String html) throws IOException {
        String[] parts = html.split("\\{\\{PADDING}}", 2);
        byte[] padding = new byte[64 * 1024];
        Arrays.fill(padding, (byte) ' ');
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(parts[0].getBytes(StandardCharsets.UTF_8));
            for (int sent = 0; sent < OVERSIZED_PAGE_LIMIT; sent += padding.length) {
                out.write(padding);
            }
            out.write(parts[1].getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client stopped reading: what a crawler with a byte cap does.
        }
    }
}
