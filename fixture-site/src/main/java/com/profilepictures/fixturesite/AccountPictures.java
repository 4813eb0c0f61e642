package com.profilepictures.fixturesite;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which picture the fixture site shows as each account's, and when it changes: the one place the pages (for
 * browsers and crawlers), X's API and the demo's control ask, so that they always agree. The rules are in
 * {@link FixtureSite#pictureUrlOf} and {@link FixtureSite#changePicture}.
 */
final class AccountPictures {

    private static final String PICTURE_HOST = "https://pbs.twimg.com";
    private static final String DEFAULT_PICTURE =
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png";
    private static final String ID_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789_";
    // Larger than any key's own picture id (38^15 < 10^24), so a changed picture's id is nobody's first one.
    private static final BigInteger REVISION_STEP = BigInteger.TEN.pow(24);

    private final Map<String, Integer> revisions = new ConcurrentHashMap<>();

    static String pictureUrlOf(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        return switch (key) {
            case FixtureHandles.DEFAULT_AVATAR -> DEFAULT_PICTURE;
            case FixtureHandles.OPEN_GRAPH_ONLY, FixtureHandles.OG_IMAGE_ONLY ->
                profileImage(PICTURE_HOST, pictureIdOf(key), key, "_200x200");
            case FixtureHandles.SCRIPT_AVATAR -> "javascript:void(0)";
            case FixtureHandles.DATA_AVATAR -> "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            case FixtureHandles.FOREIGN_PICTURE ->
                profileImage("https://images.example.net", pictureIdOf(key), key, "_400x400");
            default -> firstPicture(key);
        };
    }

    /** An earlier picture of the account's: another id, same name and size as its first. */
    static String stalePictureUrlOf(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        return profileImage(PICTURE_HOST, pictureIdOf(key).add(BigInteger.ONE), key, "_400x400");
    }

    /** The account's id, as X's API and its pages give it: derived from the key alone. */
    static String accountIdOf(String key) {
        return pictureIdOf(key).toString();
    }

    /** The picture shown as {@code handle}'s now: {@link #pictureUrlOf} until {@link #change} gives it another. */
    String current(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        int revision = revisions.getOrDefault(key, 0);
        return revision == 0
                ? pictureUrlOf(key)
                : profileImage(
                        PICTURE_HOST,
                        pictureIdOf(key).add(REVISION_STEP.multiply(BigInteger.valueOf(revision))),
                        key,
                        "_400x400");
    }

    /** Gives a normal profile a new picture and returns it; a special case of the site keeps its own. */
    String change(String handle) {
        String key = handle.toLowerCase(Locale.ROOT);
        if (!pictureUrlOf(key).equals(firstPicture(key))
                || FixtureHandles.SPECIAL_HANDLES.contains(key)
                || FixtureSite.isAppOnly(key)) {
            throw new IllegalArgumentException(
                    handle + " is a special case of the site; only a normal profile changes picture.");
        }
        revisions.merge(key, 1, Integer::sum);
        return current(key);
    }

    private static String firstPicture(String key) {
        return profileImage(PICTURE_HOST, pictureIdOf(key), key, "_400x400");
    }

    private static String profileImage(String host, BigInteger id, String key, String size) {
        return host + "/profile_images/" + id + "/" + key + size + ".jpg";
    }

    /** The key read as a number in base 38 with digits 1..37, so that distinct keys give distinct numbers. */
    private static BigInteger pictureIdOf(String key) {
        BigInteger id = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(ID_DIGITS.length() + 1);
        for (char c : key.toCharArray()) {
            id = id.multiply(base).add(BigInteger.valueOf(ID_DIGITS.indexOf(c) + 1));
        }
        return id;
    }
}
