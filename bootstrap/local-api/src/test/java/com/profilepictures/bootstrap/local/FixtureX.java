package com.profilepictures.bootstrap.local;

import com.profilepictures.fixturesite.FixtureSite;
import java.util.Map;

/** The fixture site standing in for X in a run of the service: its pages and its image host. */
final class FixtureX {

    private FixtureX() {}

    /** The variables that send the service's reads of X's pages and X's images to {@code site}. */
    static Map<String, String> variables(FixtureSite site) {
        String base = site.baseUrl().toString();
        return Map.of("X_BASE_URL", base, "X_IMAGE_BASE_URL", base);
    }
}
