package com.profilepictures.fixturesite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture site's tiny template: a file under {@code pages/} with {@code {{NAME}}} placeholders, filled in one
 * pass (a value is never read for placeholders itself; a placeholder without a value stays as written). The pages a
 * browser receives are composed from shared parts: {@code shell.html} (the document and its {@code <head>}), in it
 * {@code app.html} (X's loading shell, the app in a {@code <template>} and the script that renders it), in that a
 * page's own part ({@code profile.html}, {@code empty-state.html}, …), and {@code avatar.html} for every avatar.
 */
final class PageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");
    private static final Map<String, String> FILES = new ConcurrentHashMap<>();

    private PageTemplates() {}

    /** The file {@code pages/{name}} with {@code values} in its placeholders. */
    static String fill(String name, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(FILES.computeIfAbsent(name, PageTemplates::read));
        return placeholder.replaceAll(
                found -> Matcher.quoteReplacement(values.getOrDefault(found.group(1), found.group())));
    }

    /** A whole document: {@code head}'s lines after the charset, {@code body} as the body. */
    static String shell(String head, String body) {
        return fill("shell.html", Map.of("HEAD", head, "BODY", body));
    }

    /** A page of X's app: the shell with {@code head}, rendering {@code app} {@code renderMs} after it loads. */
    static String app(String head, String app, long renderMs) {
        return app(head, app, renderMs, "");
    }

    /** {@link #app(String, String, long)}, with {@code after} in the body after the app's script. */
    static String app(String head, String app, long renderMs, String after) {
        return shell(head, fill("app.html", Map.of("APP", app, "RENDER_MS", String.valueOf(renderMs))) + after);
    }

    /** A head line: the document's title. */
    static String title(String title) {
        return "  <title>" + title + "</title>";
    }

    /**
     * X's avatar of {@code name}: a link to {@code href} around the container X names after the account, holding its
     * picture as an image (with {@code alt}; one with alt text opens the photo and is draggable), and with
     * {@code painted} also as a background, as X paints one.
     */
    static String avatar(String href, String name, String picture, String alt, boolean painted) {
        return fill(
                "avatar.html",
                Map.of(
                        "HREF",
                        href,
                        "NAME",
                        name,
                        "PICTURE",
                        picture,
                        "ALT",
                        alt,
                        "BACKGROUND",
                        painted ? "<div style=\"background-image: url(&quot;" + picture + "&quot;);\"></div>" : "",
                        "DRAGGABLE",
                        alt.isEmpty() ? "" : " draggable=\"true\""));
    }

    private static String read(String name) {
        try (InputStream in = PageTemplates.class.getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture page pages/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
