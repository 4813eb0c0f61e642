package com.profilepictures.domain.picture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL of an X profile picture: https on {@code pbs.twimg.com} (an uploaded picture) or
 * {@code abs.twimg.com} (the default picture), in one of the path shapes X uses. Any size variant
 * can be derived from any other, since they differ only by the file name's suffix.
 *
 * <p>{@link #classify} is how every source reads an image URL written on one of X's pages.
 */
public record PictureUrl(String value) {

    private static final String UPLOADED_HOST = "pbs.twimg.com";
    private static final String DEFAULT_HOST = "abs.twimg.com";
    // X serves its images from twimg.com's hosts (pbs, abs, ton, video, …); nothing else of X's is an image.
    private static final String IMAGE_DOMAIN = "twimg.com";

    /**
     * What an image URL written on one of X's pages is. Only {@link #classify} makes one, and it never passes a null,
     * so the records carry no checks of their own.
     */
    public sealed interface Kind {

        /** An X profile picture: the account's, if the page is the account's. */
        record ProfilePictureUrl(PictureUrl url) implements Kind {}

        /**
         * An image on X's image hosts that is no profile picture: the site-wide {@code og:image} X shows when it
         * has no profile to show, a post's media, a banner. Nobody's picture, and no sign of anything wrong.
         */
        record SiteWideImage(String url) implements Kind {}

        /** Not an image of X's at all: not an http(s) URL, or on another host. {@code why} says which. */
        record ForeignImage(String url, String why) implements Kind {}
    }

    // The name is lazy so that a trailing size suffix is read as the suffix, not as part of the name.
    private static final Pattern UPLOADED_PATH =
            Pattern.compile("/profile_images/(?<id>[0-9]{1,25})/(?<name>[A-Za-z0-9_-]{1,100}?)"
                    + "(?<size>_mini|_normal|_bigger|_200x200|_400x400)?\\.(?<ext>jpg|jpeg|png|gif|webp)");
    private static final Pattern DEFAULT_PATH =
            Pattern.compile("/sticky/default_profile_images/(?<name>default_profile)"
                    + "(?<size>_mini|_normal|_bigger|_200x200|_400x400)?\\.(?<ext>png)");

    public PictureUrl {
        if (value == null || value.isBlank()) {
            throw new InvalidPictureUrlException("A picture URL is required.");
        }
        parse(value);
    }

    public static PictureUrl of(String value) {
        return new PictureUrl(value);
    }

    /**
     * What {@code written} (an image URL as a page of X's writes it, absolute) is. On X's image hosts, in http or
     * https, a profile picture's shape makes it one (as https: X serves the same bytes on both); any other shape
     * there is {@link Kind.SiteWideImage X's site-wide image}. Everything else is {@link Kind.ForeignImage foreign}.
     */
    public static Kind classify(String written) {
        String text = written == null ? "" : written.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Kind.ForeignImage(text, "not a URL: " + shortened(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawAuthority() == null) {
            return new Kind.ForeignImage(text, "not an http(s) URL: " + shortened(text));
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals(IMAGE_DOMAIN) && !host.endsWith("." + IMAGE_DOMAIN)) {
            return new Kind.ForeignImage(text, "not on X's image hosts: " + shortened(text));
        }
        String asHttps = "https://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                + Objects.requireNonNullElse(uri.getRawPath(), "")
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        try {
            return new Kind.ProfilePictureUrl(new PictureUrl(asHttps));
        } catch (InvalidPictureUrlException e) {
            return new Kind.SiteWideImage(text);
        }
    }

    /** The size this URL points at. */
    public PictureSize size() {
        return parse(value).size();
    }

    /** This picture at another size. */
    public PictureUrl withSize(PictureSize size) {
        Parts parts = parse(value);
        return new PictureUrl(parts.prefix() + size.suffix() + "." + parts.extension());
    }

    /** Every size of this picture, in {@link PictureSize} order. */
    public Map<PictureSize, PictureUrl> sizes() {
        Map<PictureSize, PictureUrl> sizes = new EnumMap<>(PictureSize.class);
        for (PictureSize size : PictureSize.values()) {
            sizes.put(size, withSize(size));
        }
        return Collections.unmodifiableMap(sizes);
    }

    /** True for X's default picture (the account has not uploaded one). */
    public boolean isDefaultPicture() {
        return value.startsWith("https://" + DEFAULT_HOST + "/");
    }

    @Override
    public String toString() {
        return value;
    }

    private record Parts(String prefix, PictureSize size, String extension) {}

    private static Parts parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidPictureUrlException("Not a URL: " + abbreviate(value));
        }
        if (!"https".equals(uri.getScheme())) {
            throw new InvalidPictureUrlException("A picture URL must use https: " + abbreviate(value));
        }
        if (uri.getRawUserInfo() != null
                || uri.getPort() != -1
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new InvalidPictureUrlException(
                    "A picture URL has no user, port, query or fragment: " + abbreviate(value));
        }
        String host = uri.getHost();
        Pattern shape;
        if (UPLOADED_HOST.equals(host)) {
            shape = UPLOADED_PATH;
        } else if (DEFAULT_HOST.equals(host)) {
            shape = DEFAULT_PATH;
        } else {
            throw new InvalidPictureUrlException(
                    "A picture URL must be on " + UPLOADED_HOST + " or " + DEFAULT_HOST + ": " + abbreviate(value));
        }
        String path = uri.getRawPath();
        Matcher matcher = path == null ? null : shape.matcher(path);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidPictureUrlException("Not the path of an X profile picture: " + abbreviate(value));
        }
        String suffix = Optional.ofNullable(matcher.group("size")).orElse("");
        PictureSize size = PictureSize.fromSuffix(suffix).orElseThrow();
        String prefix = "https://" + host + path.substring(0, matcher.end("name"));
        return new Parts(prefix, size, matcher.group("ext"));
    }

    // For a reason that goes into one line of a verdict.
    private static String shortened(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120) + "…";
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
