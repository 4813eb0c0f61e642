package com.profilepictures.adapters.selenium.archfixture;

import javax.inject.Inject;

/** Deliberately bad: only bootstrap knows Dagger and javax.inject. Only ArchitectureTest imports it. */
public final class ScraperWiredByDagger {
    @Inject
    public ScraperWiredByDagger() {}
}
