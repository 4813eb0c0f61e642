package com.profilepictures.adapters.selenium;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one look at a profile page saw ({@code profile-probe.js}): a verdict the page shows outright, or, while
 * it shows none, who the page names and which pictures it offers so far.
 *
 * @param verdict       the verdict the page shows ({@code unreachable}, {@code http-status}, {@code login},
 *                      {@code missing}, {@code suspended}, {@code owner}), or null while it shows none
 * @param detail        the verdict's detail (an error code, an HTTP status, a path), or empty
 * @param handle        the requested account's spelling where the app names it: the owner's avatar link
 *                      ({@code owner}) or the name block; else null
 * @param picture       the owner's avatar ({@code owner} only): an http(s) URL, or the page's own text if it is not one
 * @param profileShown  whether the app shows a profile's name block
 * @param otherHandle   the account the name block names instead of the requested one, or null
 * @param onProfilePath whether the address is still the requested profile's
 * @param errorShown    whether the app says "Something went wrong. Try reloading."
 * @param ogImage       the head's og:image, or null (also when the head names another account)
 * @param headHandle    the requested account's spelling where the head vouches for it (JSON-LD, og:url), or null
 * @param headPicture   the picture the vouching head offers (JSON-LD image.contentUrl, else og:image), or null
 * @param headOthers    the accounts the head names instead of the requested one
 * @param takenAtNanos  when the page was looked at, on the page's clock ({@code performance.timeOrigin + now()},
 *                      in nanoseconds since the epoch), if the probe said
 */
record Look(
        String verdict,
        String detail,
        String handle,
        String picture,
        boolean profileShown,
        String otherHandle,
        boolean onProfilePath,
        boolean errorShown,
        String ogImage,
        String headHandle,
        String headPicture,
        List<String> headOthers,
        OptionalLong takenAtNanos) {

    Look {
        detail = Objects.requireNonNullElse(detail, "");
        headOthers = List.copyOf(Objects.requireNonNullElse(headOthers, List.of()));
        Objects.requireNonNull(takenAtNanos, "takenAtNanos");
    }

    /** Reads what the probe returned. */
    static Look from(Map<String, Object> seen) {
        return new Look(
                text(seen, "verdict"),
                text(seen, "detail"),
                text(seen, "handle"),
                text(seen, "picture"),
                Boolean.TRUE.equals(seen.get("profileShown")),
                text(seen, "otherHandle"),
                Boolean.TRUE.equals(seen.get("onProfilePath")),
                Boolean.TRUE.equals(seen.get("errorShown")),
                text(seen, "ogImage"),
                text(seen, "headHandle"),
                text(seen, "headPicture"),
                texts(seen, "headOthers"),
                seen.get("takenAt") instanceof Number millis
                        ? OptionalLong.of(nanos(millis.doubleValue()))
                        : OptionalLong.empty());
    }

    // Whole milliseconds and the fraction apart: epoch nanoseconds are past a double's exact integers.
    private static long nanos(double millis) {
        double whole = Math.floor(millis);
        return (long) whole * 1_000_000L + Math.round((millis - whole) * 1e6);
    }

    private static String text(Map<String, Object> seen, String key) {
        Object value = seen.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> texts(Map<String, Object> seen, String key) {
        Object value = seen.get(key);
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
