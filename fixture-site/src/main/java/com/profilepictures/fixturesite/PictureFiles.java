package com.profilepictures.fixturesite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The fixture site's stand-in for X's image hosts ({@code pbs.twimg.com}, {@code abs.twimg.com}): the same
 * paths, served from the site itself, so that a picture host pointed at the site ({@code X_IMAGE_BASE_URL})
 * downloads what a scrape stored. Every picture is a real image, a JPEG or PNG as its name says, of the size
 * its name says ({@code _400x400}: 400 pixels square), drawn from the path's hash: the same URL always
 * gives the same bytes, another URL other bytes. A picture named after {@link FixtureSite#PICTURE_GONE},
 * {@link FixtureSite#PICTURE_NOT_IMAGE} or {@link FixtureSite#PICTURE_TOO_BIG} is the bad case its name says.
 */
final class PictureFiles {

    /** What {@link FixtureSite#PICTURE_TOO_BIG}'s picture sends: more than any archive keeps. */
    static final int TOO_BIG_BYTES = 5 * 1024 * 1024;

    // /profile_images/{id}/{name}_{size}.{ext}, and X's own pictures (the default avatar, the site-wide image).
    private static final Pattern PICTURE_PATH = Pattern.compile(
            "/(?:profile_images/[0-9]+/|sticky/default_profile_images/|rweb/ssr/default/v2/og/)([A-Za-z0-9_]+?)"
                    + "(_400x400|_200x200|_normal|_bigger|_mini)?\\.(jpg|jpeg|png)");
    private static final Map<String, Integer> SIZES =
            Map.of("_400x400", 400, "_200x200", 200, "_normal", 48, "_bigger", 73, "_mini", 24);

    private final Map<String, AtomicInteger> requestsByName = new ConcurrentHashMap<>();
    private volatile boolean unavailable;
    private static final Map<String, byte[]> DRAWN = new ConcurrentHashMap<>();

    /** Whether {@code path} is one of the image hosts' paths. */
    static boolean isPicturePath(String path) {
        return PICTURE_PATH.matcher(path).matches();
    }

    /** The bytes served for {@code pictureUrl} (X's URL or the site's own), for tests to compare with what was archived. */
    static byte[] bytesOf(String pictureUrl) {
        String path = URI.create(pictureUrl).getRawPath();
        Matcher picture = PICTURE_PATH.matcher(path);
        if (!picture.matches()) {
            throw new IllegalArgumentException("Not a picture the fixture site serves: " + pictureUrl);
        }
        return DRAWN.computeIfAbsent(path, unused -> draw(path, size(picture), format(picture)))
                .clone();
    }

    /** How many times a picture named after {@code handle} (its key: {@code {key}_400x400.jpg}) was asked for. */
    int requestsFor(String handle) {
        AtomicInteger count = requestsByName.get(handle.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** While {@code down}, the host answers every picture 503 (an outage, which an archive retries). */
    void unavailable(boolean down) {
        unavailable = down;
    }

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher picture = PICTURE_PATH.matcher(path);
        if (!picture.matches()) {
            Responses.notFound(exchange, "No such picture.");
            return;
        }
        String name = picture.group(1).toLowerCase(Locale.ROOT);
        requestsByName.computeIfAbsent(name, unused -> new AtomicInteger()).incrementAndGet();
        if (unavailable) {
            Responses.html(exchange, 503, "<!DOCTYPE html><title>Over capacity</title><p>Try again later.</p>");
            return;
        }
        switch (name) {
            case FixtureSite.PICTURE_GONE:
                Responses.notFound(exchange, "No such picture.");
                return;
            case FixtureSite.PICTURE_NOT_IMAGE:
                // A 200 with a page where the picture should be, as a captive portal or an error page sends.
                Responses.html(exchange, 200, "<!DOCTYPE html><title>Sorry</title><p>This is not a picture.</p>");
                return;
            case FixtureSite.PICTURE_TOO_BIG:
                sendTooBig(exchange, format(picture));
                return;
            default:
                byte[] bytes = bytesOf(path);
                exchange.getResponseHeaders().set("Content-Type", mediaType(format(picture)));
                exchange.getResponseHeaders().set("Cache-Control", "max-age=604800");
                Responses.bytes(exchange, 200, bytes);
        }
    }

    /** A real image's first bytes, then padding up to {@link #TOO_BIG_BYTES}, without a length: the reader must count. */
    private static void sendTooBig(HttpExchange exchange, String format) throws IOException {
        byte[] head = draw("/too-big", 400, format);
        exchange.getResponseHeaders().set("Content-Type", mediaType(format));
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head);
            byte[] padding = new byte[64 * 1024];
            for (int sent = head.length; sent < TOO_BIG_BYTES; sent += padding.length) {
                out.write(padding, 0, Math.min(padding.length, TOO_BIG_BYTES - sent));
            }
        } catch (IOException readerGaveUp) {
            // The client stopped reading at its limit and closed the connection: what it should do.
        }
    }

    private static int size(Matcher picture) {
        return picture.group(2) == null ? 400 : SIZES.get(picture.group(2));
    }

    private static String format(Matcher picture) {
        return picture.group(3).equals("png") ? "png" : "jpeg";
    }

    private static String mediaType(String format) {
        return "image/" + format;
    }

    /** A square of {@code size} pixels: two colours and a stripe width from the path's hash, in the format named. */
    private static byte[] draw(String path, int size, String format) {
        byte[] hash = sha256(path);
        int background = rgb(hash, 0);
        int foreground = rgb(hash, 3);
        int stripe = 4 + (hash[6] & 0x1f);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, ((x + y) / stripe) % 2 == 0 ? background : foreground);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No " + format + " writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int rgb(byte[] hash, int offset) {
        return ((hash[offset] & 0xff) << 16) | ((hash[offset + 1] & 0xff) << 8) | (hash[offset + 2] & 0xff);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
