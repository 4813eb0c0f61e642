package com.profilepictures.fixturesite;

import static com.profilepictures.fixturesite.PageTemplates.app;
import static com.profilepictures.fixturesite.PageTemplates.avatar;
import static com.profilepictures.fixturesite.PageTemplates.fill;
import static com.profilepictures.fixturesite.PageTemplates.shell;
import static com.profilepictures.fixturesite.PageTemplates.title;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The fixture site's pages for browsers: X's app at {@code /{handle}}, which renders a profile (or an empty state,
 * an error, nothing) some time after the page loads, with other people's avatars before the owner's. Which handle
 * shows what is in {@link FixtureHandles}; also the login wall and the site's own index.
 */
final class BrowserPages {

    private static final String NEIGHBOURS = "https://pbs.twimg.com/profile_images/100000000000000000";
    private static final long APP_RENDER_MS = 50;
    private static final long EMPTY_STATE_RENDER_MS = 100;

    private final Duration avatarDelay;
    private final UnaryOperator<String> currentPicture;

    /** Normal profiles' avatars appear after {@code avatarDelay}; {@code currentPicture} gives a profile's picture now. */
    BrowserPages(Duration avatarDelay, UnaryOperator<String> currentPicture) {
        this.avatarDelay = avatarDelay;
        this.currentPicture = currentPicture;
    }

    /** The site's own page, {@code /}: what each handle stands for. */
    String index() {
        return shell(
                title("Fixture X site"),
                fill("index.html", Map.of("AVATAR_DELAY_MS", String.valueOf(avatarDelay.toMillis()))));
    }

    /** X's login wall, {@code /i/flow/login}. */
    String login() {
        return shell(title("Log in to X / X"), fill("login.html", Map.of()));
    }

    /** {@code /{handle}} for a browser, {@code requested} as the address spells it. */
    void serveProfile(HttpExchange exchange, String requested) throws IOException {
        String key = requested.toLowerCase(Locale.ROOT);
        String handle = FixtureSite.canonicalSpellingOf(key);
        switch (key) {
            case FixtureHandles.NONEXISTENT ->
                Responses.html(
                        exchange,
                        200,
                        emptyState(requested, "This account doesn’t exist", "Try searching for another."));
            case FixtureHandles.SUSPENDED ->
                Responses.html(
                        exchange,
                        200,
                        emptyState(handle, "Account suspended", "X suspends accounts which violate the X Rules."));
            case FixtureHandles.LOGIN_WALL ->
                Responses.redirect(exchange, "/i/flow/login?redirect_after_login=%2F" + key);
            case FixtureHandles.RATE_LIMITED -> Responses.html(exchange, 429, errorPage());
            case FixtureHandles.ERROR_PAGE -> Responses.html(exchange, 200, errorPage());
            default -> Responses.html(exchange, 200, page(key, handle));
        }
    }

    private String page(String key, String handle) {
        String other = FixtureHandles.ANOTHER_ACCOUNT;
        String othersPicture = FixtureSite.pictureUrlOf(other);
        return switch (key) {
            case FixtureHandles.NEVER_RENDERS -> neverRendering("");
            // The head is the only trace of the picture: the avatar never renders.
            case FixtureHandles.OG_IMAGE_ONLY ->
                withoutOwnersAvatar(
                        handle,
                        FixtureSite.pictureUrlOf(key),
                        "<a href=\"/Neighbour_Two/photo\" role=\"link\"><img alt=\"\" src=\"" + NEIGHBOURS
                                + "2/neighbour_two_400x400.jpg\"></a>",
                        handle + " without avatar");
            // Everything here is about another account: its og:image, its header, its avatar. None of it is the
            // requested account's picture, whatever the address bar says.
            case FixtureHandles.SHOWS_ANOTHER_ACCOUNT ->
                withoutOwnersAvatar(
                        other,
                        othersPicture,
                        avatar("/" + other + "/photo", other, othersPicture, "Opens profile photo", false),
                        "Someone Else");
            case FixtureHandles.JSON_LD_ONLY ->
                neverRendering(ServerHead.of(handle, FixtureSite.pictureUrlOf(key), true, null));
            case FixtureHandles.OPEN_GRAPH_ONLY ->
                neverRendering(ServerHead.of(handle, null, false, FixtureSite.pictureUrlOf(key)));
            case FixtureHandles.ANOTHER_ACCOUNTS_HEAD ->
                neverRendering(ServerHead.of(other, othersPicture, true, othersPicture));
            case FixtureHandles.STALE_HEAD -> {
                String stale = FixtureSite.stalePictureUrlOf(key);
                yield profilePage(
                        key, handle, ServerHead.of(handle, stale, true, stale), FixtureHandles.LATE_AVATAR_DELAY);
            }
            case FixtureHandles.HEAD_OF_ANOTHER ->
                profilePage(
                        key,
                        handle,
                        ServerHead.of(other, othersPicture, true, othersPicture),
                        FixtureHandles.SLOW_AVATAR_DELAY);
            case FixtureHandles.SITE_WIDE_OG_IMAGE ->
                profilePage(
                        key,
                        handle,
                        ServerHead.of(handle, null, false, FixtureHandles.SITE_WIDE_IMAGE),
                        FixtureHandles.SLOW_AVATAR_DELAY);
            case FixtureHandles.LATE_AVATAR ->
                profilePage(
                        key,
                        handle,
                        "  <meta property=\"og:image\" content=\"" + FixtureSite.stalePictureUrlOf(key) + "\">",
                        FixtureHandles.LATE_AVATAR_DELAY);
            default -> profilePage(key, handle, "", avatarDelay);
        };
    }

    static String emptyState(String handle, String headline, String body) {
        return app(
                title("Profile / X"),
                fill("empty-state.html", Map.of("HANDLE", handle, "HEADLINE", headline, "BODY", body)),
                EMPTY_STATE_RENDER_MS);
    }

    static String errorPage() {
        return app(title("X"), fill("error.html", Map.of()), EMPTY_STATE_RENDER_MS);
    }

    /** The shell whose app never renders anything, with {@code head} in its head: an empty render. */
    private static String neverRendering(String head) {
        return shell(title("X") + "\n" + head, fill("blank.html", Map.of()));
    }

    /**
     * A profile's column with {@code avatar} where the owner's would be, named {@code displayName} and {@code @name},
     * under a head of the app's own naming {@code name} and {@code picture}.
     */
    private static String withoutOwnersAvatar(String name, String picture, String avatar, String displayName) {
        String head = title(name + " (@" + name + ") / X") + "\n  <meta property=\"og:image\" content=\"" + picture
                + "\">\n  <meta property=\"og:title\" content=\"" + name + " (@" + name + ") on X\">";
        return app(
                head,
                fill("profile-column.html", Map.of("AVATAR", avatar, "NAME", displayName, "HANDLE", name)),
                APP_RENDER_MS);
    }

    /** A normal profile: neighbours' avatars at once, the owner's after {@code delay}, {@code meta} in the head. */
    private String profilePage(String key, String handle, String meta, Duration delay) {
        String picture = currentPicture.apply(key);
        String avatar = key.equals(FixtureHandles.DEFAULT_AVATAR)
                // X does not link a default avatar to a photo view; only the container names the account.
                ? "<div data-testid=\"UserAvatar-Container-" + handle + "\"><img alt=\"\" src=\"" + picture
                        + "\"></div>"
                : avatar("/" + handle + "/photo", handle, picture, "Opens profile photo", true);
        String posts = key.equals(FixtureHandles.PROTECTED)
                ? "<div data-testid=\"emptyState\"><span>These posts are protected</span>"
                        + "<span>Only approved followers can see @" + handle + "’s posts.</span></div>"
                : "<article data-testid=\"tweet\">"
                        + avatar("/" + handle, handle, picture.replace("_400x400", "_normal"), "", false)
                        + "<div data-testid=\"tweetText\">just setting up my fixture</div></article>";
        String app = fill(
                "profile.html",
                Map.of(
                        "HANDLE",
                        handle,
                        "POSTS",
                        posts,
                        "NEIGHBOUR_ONE_PHOTO",
                        avatar(
                                "/Neighbour_One/photo",
                                "Neighbour_One",
                                neighbour("1/neighbour_one_400x400"),
                                "",
                                false),
                        "NEIGHBOUR_TWO_POST_AVATAR",
                        avatar("/Neighbour_Two", "Neighbour_Two", neighbour("2/neighbour_two_normal"), "", true),
                        "NEIGHBOUR_THREE_CELL_AVATAR",
                        avatar(
                                "/Neighbour_Three",
                                "Neighbour_Three",
                                neighbour("3/neighbour_three_normal"),
                                "",
                                false)));
        String head = "  <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                + title(handle + " (@" + handle + ") / X") + "\n" + meta;
        return app(
                head,
                app,
                APP_RENDER_MS,
                fill(
                        "late-avatar.html",
                        Map.of("AVATAR", avatar, "AVATAR_DELAY_MS", String.valueOf(delay.toMillis()))));
    }

    private static String neighbour(String idAndName) {
        return NEIGHBOURS + idAndName + ".jpg";
    }
}
