package com.profilepictures.adapters.selenium;

import com.profilepictures.domain.scrape.PageHead;
import com.profilepictures.domain.scrape.PageHead.ProfileBlock;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param head          what the page's {@code <head>} says (JSON-LD, Open Graph), as written, for the domain's rule
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
        PageHead head,
        OptionalLong takenAtNanos) {

    // Where a look that names no address (an older probe, a page gone mid-look) is taken to be.
    private static final URI NO_ADDRESS = URI.create("about:blank");

    Look {
        detail = Objects.requireNonNullElse(detail, "");
        Objects.requireNonNull(head, "head");
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
                new PageHead(
                        address(text(seen, "pageUrl")),
                        blocks(seen.get("headBlocks")),
                        Optional.ofNullable(text(seen, "ogUrl")),
                        Optional.ofNullable(text(seen, "ogImage"))),
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

    private static URI address(String pageUrl) {
        try {
            return pageUrl == null ? NO_ADDRESS : new URI(pageUrl);
        } catch (URISyntaxException e) {
            return NO_ADDRESS;
        }
    }

    private static List<ProfileBlock> blocks(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<ProfileBlock> blocks = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> block && block.get("account") instanceof String account) {
                blocks.add(new ProfileBlock(
                        Optional.of(account),
                        Optional.ofNullable(block.get("picture")).map(String::valueOf)));
            }
        }
        return blocks;
    }
}
