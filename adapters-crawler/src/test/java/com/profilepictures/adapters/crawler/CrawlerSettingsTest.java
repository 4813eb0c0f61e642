package com.profilepictures.adapters.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrawlerSettingsTest {

    private static final String AGENT = "profile-pictures-bot/1.0 (+https://example.org)";

    @Test
    void givenBaseUrlWithTrailingSlashes_intentUrl_hasOneSlash() {
        CrawlerSettings settings = CrawlerSettings.of(URI.create("https://x.com//"), AGENT);

        assertEquals(URI.create("https://x.com/intent/user?screen_name=_Jack"), settings.intentUrl(Handle.of("_Jack")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.com", "ftp://x.com", "https://x.com?q=1", "https://x.com/#top", "file:///tmp"})
    void givenBaseUrlThatIsNotAnHttpSite_settings_areRefused(String baseUrl) {
        assertThrows(IllegalArgumentException.class, () -> CrawlerSettings.of(URI.create(baseUrl), AGENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "bot/1.0\r\nX-Forged: yes", "bot/1.0 ünïcode"})
    void givenUserAgentThatCannotBeAHeader_settings_areRefused(String userAgent) {
        assertThrows(IllegalArgumentException.class, () -> CrawlerSettings.of(URI.create("https://x.com"), userAgent));
    }

    @Test
    void givenNoLimits_settings_areRefused() {
        URI x = URI.create("https://x.com");

        assertThrows(IllegalArgumentException.class, () -> new CrawlerSettings(x, AGENT, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new CrawlerSettings(x, AGENT, 1024, -1));
        assertThrows(IllegalArgumentException.class, () -> new CrawlerSettings(x, AGENT, 1024, 21));
    }

    @Test
    void defaults_capAPageAtTwoMebibytes() {
        assertEquals(
                2 * 1024 * 1024,
                CrawlerSettings.of(URI.create("https://x.com"), AGENT).maxBytes());
    }

    @Test
    void redirects_areFollowedOnlyWithinTheBaseHostAndXsOwn() {
        XHosts hosts = new XHosts(URI.create("http://127.0.0.1:8081"));

        assertTrue(hosts.mayFollow(URI.create("http://127.0.0.1:9999/intent/user")));
        assertTrue(hosts.mayFollow(URI.create("https://twitter.com/intent/user?screen_name=jack")));
        assertTrue(hosts.mayFollow(URI.create("https://mobile.x.com/jack")));
        assertFalse(hosts.mayFollow(URI.create("http://x.com/jack")), "X itself only over https");
        assertFalse(hosts.mayFollow(URI.create("https://x.com.example.net/jack")));
        assertFalse(hosts.mayFollow(URI.create("https://localhost:8081/jack")));
        assertFalse(hosts.mayFollow(URI.create("javascript:alert(1)")));
    }
}
