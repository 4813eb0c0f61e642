package com.profilepictures.adapters.selenium.archfixture;

/** Deliberately bad: only bootstrap knows jakarta.inject. Only ArchitectureTest imports it. */
public final class ScraperUsingJakartaInject {
    @jakarta.inject.Inject
    public ScraperUsingJakartaInject() {}
}
