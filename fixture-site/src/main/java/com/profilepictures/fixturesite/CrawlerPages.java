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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture site's pages for crawlers: what X renders on its server for link-preview crawlers, at
 * {@code /intent/user?screen_name={handle}} for every handle and at {@code /{handle}} for handles that do
 * not start with {@code _}. Which handle shows what is listed in {@link FixtureSite}'s class comment.
 */
final class CrawlerPages {

    static final String INTENT_PATH = "/intent/user";

    private static final Pattern SCREEN_NAME = Pattern.compile("(?:^|&)screen_name=([A-Za-z0-9_]{1,15})(?:&|$)");
    private static final String FOLLOWED = "followed=1";
    // The oversized page ends somewhere, in case a client does read it all.
    private static final int OVERSIZED_PAGE_LIMIT = 64 * 1024 * 1024;

    private final Consumer<String> onRequest;
    private final java.util.function.UnaryOperator<String> currentPicture;
    // Released when the site closes, so that a stalled page lets go at once instead of holding its thread.
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /**
     * {@code onRequest} is told the key of each handle whose page is asked for; {@code currentPicture} gives a
     * normal profile's picture now (it changes when a test changes it).
     */
    CrawlerPages(Consumer<String> onRequest, java.util.function.UnaryOperator<String> currentPicture) {
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
            FixtureSite.send(exchange, 404, "<!DOCTYPE html><title>Not found</title><p>No screen_name.</p>");
            return;
        }
        String requested = screenName.group(1);
        String key = requested.toLowerCase(Locale.ROOT);
        if (looksLikeBrowser(exchange)) {
            // X's app takes a browser from the intent page on to the profile.
            redirect(exchange, "/" + requested);
            return;
        }
        switch (key) {
            case FixtureSite.REDIRECTED:
                if (!query.contains(FOLLOWED)) {
                    onRequest.accept(key);
                    redirect(exchange, INTENT_PATH + "?screen_name=" + canonicalSpellingOf(key) + "&" + FOLLOWED);
                    return;
                }
                break;
            case FixtureSite.REDIRECT_LOOP:
                onRequest.accept(key);
                redirect(exchange, INTENT_PATH + "?" + query);
                return;
            case FixtureSite.REDIRECTED_AWAY:
                onRequest.accept(key);
                // The same site under another name: a crawler that followed it would find a profile there.
                redirect(
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
            FixtureSite.send(exchange, 200, noProfilePage());
            return;
        }
        serve(exchange, key);
    }

    private void serve(HttpExchange exchange, String key) throws IOException {
        onRequest.accept(key);
        String handle = canonicalSpellingOf(key);
        if (FixtureSite.isAppOnly(key)) {
            FixtureSite.send(exchange, 200, noProfilePage());
            return;
        }
        switch (key) {
            case FixtureSite.RATE_LIMITED:
                FixtureSite.send(exchange, 429, noProfilePage());
                return;
            case FixtureSite.ERROR_PAGE:
                FixtureSite.send(exchange, 500, noProfilePage());
                return;
            case FixtureSite.NONEXISTENT:
            case FixtureSite.SUSPENDED:
            case FixtureSite.LOGIN_WALL:
            case FixtureSite.NEVER_RENDERS:
            case FixtureSite.LATE_AVATAR:
                FixtureSite.send(exchange, 200, noProfilePage());
                return;
            case FixtureSite.SHOWS_ANOTHER_ACCOUNT:
                String other = FixtureSite.ANOTHER_ACCOUNT;
                FixtureSite.send(
                        exchange,
                        200,
                        page(
                                other,
                                profileBlock(other, pictureUrlOf(other))
                                        + openGraph(other, pictureUrlOf(other).replace("_400x400", "_200x200")),
                                ""));
                return;
            case FixtureSite.OG_IMAGE_ONLY:
                FixtureSite.send(exchange, 200, page(handle, openGraph(handle, pictureUrlOf(key)), ""));
                return;
            case FixtureSite.SITE_IMAGE_ONLY:
                FixtureSite.send(exchange, 200, page(handle, openGraph(handle, FixtureSite.SITE_WIDE_IMAGE), ""));
                return;
            case FixtureSite.DATA_URL_PICTURE:
                FixtureSite.send(
                        exchange,
                        200,
                        page(
                                handle,
                                profileBlock(handle, FixtureSite.DATA_URL) + openGraph(handle, FixtureSite.DATA_URL),
                                ""));
                return;
            case FixtureSite.NO_HEAD:
                FixtureSite.send(
                        exchange,
                        200,
                        FixtureSite.page(
                                "server-rendered-no-head.html",
                                Map.of("HANDLE", handle, "PROFILE", profileBlock(handle, pictureUrlOf(key)))));
                return;
            case FixtureSite.SLOW_FOR_CRAWLERS:
                sendSlowly(exchange, page(handle, fullProfile(handle, key), ""));
                return;
            case FixtureSite.OVERSIZED_PAGE:
                sendEndlessly(exchange, page(handle, fullProfile(handle, key), "{{PADDING}}"));
                return;
            default:
                FixtureSite.send(exchange, 200, page(handle, fullProfile(handle, key), ""));
        }
    }

    private String fullProfile(String handle, String key) {
        String picture = currentPicture.apply(key);
        return profileBlock(handle, picture) + openGraph(handle, picture.replace("_400x400", "_200x200"));
    }

    /** X's ProfilePage block, shaped as X_MARKUP describes it. */
    private static String profileBlock(String handle, String picture) {
        return "<script type=\"application/ld+json\">{\"@context\":\"http://schema.org\",\"@type\":\"ProfilePage\","
                + "\"dateCreated\":\"2006-03-21T20:50:14.000Z\",\"mainEntity\":{\"@type\":\"Person\","
                + "\"additionalName\":\"" + handle
                + "\",\"description\":\"A fixture account for the scraper's tests.\","
                + "\"givenName\":\"" + handle + " the Tester\",\"identifier\":\""
                + (handle.toLowerCase(Locale.ROOT).hashCode() & 0x7fffffff) + "\","
                + "\"image\":{\"@type\":\"ImageObject\",\"contentUrl\":\"" + picture + "\",\"thumbnailUrl\":\""
                + picture.replace("_400x400", "_normal") + "\"},"
                + "\"name\":\"" + handle + " the Tester\",\"url\":\"https://x.com/" + handle + "\"}}</script>\n";
    }

    /** X's Open Graph tags, content before property as X writes them. */
    private static String openGraph(String handle, String image) {
        return "<meta content=\"profile\" property=\"og:type\">\n"
                + "<meta content=\"https://x.com/" + handle + "\" property=\"og:url\">\n"
                + "<meta content=\"" + handle + " the Tester (@" + handle + ") on X\" property=\"og:title\">\n"
                + "<meta content=\"" + image + "\" property=\"og:image\">\n";
    }

    /** What X serves when it has no profile to show: no ProfilePage block, and only the site-wide image. */
    private static String noProfilePage() {
        return FixtureSite.page(
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
        return FixtureSite.page(
                "server-rendered.html",
                Map.of("TITLE", handle + " the Tester (@" + handle + ") / X", "HEAD", head, "BODY", body));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** Sends the page's first bytes at once, then nothing for {@link FixtureSite#SLOW_CRAWLER_PAGE_DELAY}. */
    /** The site is closing: stalled pages stop stalling. */
    void close() {
        closed.countDown();
    }

    private void sendSlowly(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body, 0, 64);
            out.flush();
            try {
                // A stalled server: nothing to wait for but the stall's end, or the site closing.
                if (closed.await(
                        FixtureSite.SLOW_CRAWLER_PAGE_DELAY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
