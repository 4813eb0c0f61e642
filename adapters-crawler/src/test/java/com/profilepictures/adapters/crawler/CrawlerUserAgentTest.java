package com.profilepictures.adapters.crawler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CrawlerUserAgentTest {

    @Test
    void givenVersionAndProjectUrl_userAgent_namesTheServiceAsCrawlersDo() {
        String agent = CrawlerUserAgent.of("1.2.3", URI.create("https://example.org/profile-pictures"));

        assertEquals("profile-pictures-bot/1.2.3 (+https://example.org/profile-pictures)", agent);
    }

    @Test
    void thisServicesOwn_namesTheBuildsVersionAndIsAValidSetting() {
        String agent = CrawlerUserAgent.ofThisService();

        assertTrue(agent.matches("profile-pictures-bot/[0-9][A-Za-z0-9._-]* \\(\\+https?://\\S+\\)"), agent);
        assertTrue(!agent.contains("${"), "filtered at build time: " + agent);
        assertDoesNotThrow(() -> CrawlerSettings.of(URI.create("https://x.com"), agent));
    }

    @Test
    void givenVersionWithSpacesOrNoUrl_userAgent_isRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> CrawlerUserAgent.of("1.0 beta", URI.create("https://e.org")));
        assertThrows(IllegalArgumentException.class, () -> CrawlerUserAgent.of("1.0", URI.create("/relative")));
    }
}
