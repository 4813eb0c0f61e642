package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of the fixture site answers a request: a page a test gave a handle, the index and the login wall, the
 * pictures, X's API, the demo's control, or a profile page, for crawlers or for browsers by {@code User-Agent}.
 */
final class SiteRoutes implements HttpHandler {

    private static final Pattern PROFILE_PATH = Pattern.compile("/([A-Za-z0-9_]{1,15})/?");

    private final Map<String, String> ownPages = new ConcurrentHashMap<>();
    private final BrowserPages browserPages;
    private final CrawlerPages crawlerPages;
    private final PictureFiles pictureFiles;
    private final XApiLookup xApi;
    private final DemoChanges demo;
    private final PageRequests requests;
    private final RateLimits rateLimits;

    SiteRoutes(
            BrowserPages browserPages,
            CrawlerPages crawlerPages,
            PictureFiles pictureFiles,
            XApiLookup xApi,
            DemoChanges demo,
            PageRequests requests,
            RateLimits rateLimits) {
        this.browserPages = browserPages;
        this.crawlerPages = crawlerPages;
        this.pictureFiles = pictureFiles;
        this.xApi = xApi;
        this.demo = demo;
        this.requests = requests;
        this.rateLimits = rateLimits;
    }

    /** From now on, {@code html} is {@code handle}'s page, as {@link FixtureSite#servePage} says. */
    void servePage(String handle, String html) {
        ownPages.put(handle.toLowerCase(Locale.ROOT), html);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI request = exchange.getRequestURI();
            String path = request.getPath();
            Matcher profile = PROFILE_PATH.matcher(path);
            boolean intent = path.equals(CrawlerPages.INTENT_PATH);
            Optional<String> ownPage = ownPageAsked(request, intent, profile);
            if (rateLimits.answered(exchange)) {
                return;
            } else if (ownPage.isPresent()) {
                Responses.html(exchange, 200, ownPage.get());
            } else if (path.equals("/")) {
                Responses.html(exchange, 200, browserPages.index());
            } else if (path.equals("/i/flow/login")) {
                Responses.html(exchange, 200, browserPages.login());
            } else if (PictureFiles.isPicturePath(path)) {
                pictureFiles.serve(exchange);
            } else if (XApiLookup.serves(path)) {
                xApi.serve(exchange);
            } else if (DemoChanges.serves(path)) {
                demo.serve(exchange);
            } else if (!intent && !profile.matches()) {
                Responses.notFound(exchange, "Nothing here.");
            } else {
                requests.countPage();
                if (intent) {
                    crawlerPages.serveIntent(exchange);
                } else if (!CrawlerPages.looksLikeBrowser(exchange)) {
                    crawlerPages.serveProfile(exchange, profile.group(1));
                } else {
                    requests.asked(profile.group(1).toLowerCase(Locale.ROOT));
                    requests.countBrowserPage(profile.group(1).toLowerCase(Locale.ROOT));
                    browserPages.serveProfile(exchange, profile.group(1));
                }
            }
        }
    }

    /** The page a test gave the handle asked for ({@link #servePage}), at {@code /{handle}} or the intent page. */
    private Optional<String> ownPageAsked(URI request, boolean intent, Matcher profile) {
        Matcher asked = intent
                ? CrawlerPages.SCREEN_NAME.matcher(
                        Optional.ofNullable(request.getRawQuery()).orElse(""))
                : profile;
        boolean found = intent ? asked.find() : asked.matches();
        return found ? Optional.ofNullable(ownPages.get(asked.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }
}
