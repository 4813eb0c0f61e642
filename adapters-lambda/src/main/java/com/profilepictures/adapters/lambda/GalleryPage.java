package com.profilepictures.adapters.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The gallery page ({@code GET /}) and the Content-Security-Policy it is served with. Its stylesheet and
 * script are inlined from this package's {@code gallery/} resources and allowed by their SHA-256 hashes,
 * computed here once per class load, so the page needs no route of its own for them and nothing from
 * elsewhere; the policy allows the service's own origin and, for images only, the archive's (where the
 * image route's presigned URLs point).
 */
record GalleryPage(String html, String contentSecurityPolicy) {

    private static final String RESOURCES = "gallery/";
    private static final String STYLE = resource("gallery.css");
    private static final String SCRIPT = resource("gallery.js");
    private static final String HTML =
            resource("gallery.html").replace("/*STYLE*/", STYLE).replace("/*SCRIPT*/", SCRIPT);

    // scheme://host[:port] and nothing else: it goes into a header, so no path, spaces, quotes or ';'.
    private static final Pattern ORIGIN =
            Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+\\](:[0-9]{1,5})?");

    GalleryPage {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
    }

    /** The page for an archive whose presigned URLs live at {@code archiveOrigin} ({@code https://bucket.s3.amazonaws.com}). */
    static GalleryPage forArchiveAt(URI archiveOrigin) {
        String origin = origin(archiveOrigin);
        String policy = String.join(
                "; ",
                "default-src 'none'",
                "script-src " + hash(SCRIPT),
                "style-src " + hash(STYLE),
                "img-src 'self' " + origin,
                "connect-src 'self'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'");
        return new GalleryPage(HTML, policy);
    }

    static String origin(URI uri) {
        Objects.requireNonNull(uri, "archive origin");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String origin = scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("Not an http(s) origin for the archive's images: " + uri);
        }
        return origin;
    }

    /** The CSP source that allows exactly this inline element's text. */
    static String hash(String inlineText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inlineText.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static String style() {
        return STYLE;
    }

    static String script() {
        return SCRIPT;
    }

    private static String resource(String name) {
        try (InputStream in = GalleryPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("The gallery's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
