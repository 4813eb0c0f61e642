package com.profilepictures.adapters.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided.Cause;
import com.profilepictures.domain.scrape.XSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the head of a server-rendered page is read: the shapes JSON-LD comes in, and the vouching rule. */
class ServerRenderedPageTest {

    private static final URI PAGE = URI.create("https://x.com/intent/user?screen_name=jack");
    private static final XSite HOSTS = new XSite(URI.create("https://x.com"));
    private static final String PICTURE =
            "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg";
    private static final String WEBSITE = "{\"@context\":\"http://schema.org\",\"@type\":\"WebSite\",\"name\":\"X\"}";

    private static String person(String handle, String picture) {
        return "{\"@type\":\"Person\",\"additionalName\":\"" + handle + "\",\"identifier\":\"12\","
                + "\"image\":{\"@type\":\"ImageObject\",\"contentUrl\":\"" + picture + "\"}}";
    }

    private static String profilePage(String handle, String picture) {
        return "{\"@context\":\"http://schema.org\",\"@type\":\"ProfilePage\",\"mainEntity\":" + person(handle, picture)
                + "}";
    }

    private static String ldJson(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    private static String og(String property, String content) {
        return "<meta content=\"" + content + "\" property=\"og:" + property + "\">";
    }

    private static ScrapeVerdict verdict(String asked, String head) {
        String html = "<!DOCTYPE html><html><head>" + head + "</head><body></body></html>";
        return ServerRenderedPage.parse(PAGE, html.getBytes(StandardCharsets.UTF_8), Optional.empty())
                .verdictFor(Handle.of(asked), HOSTS);
    }

    private static Undecided assertUndecided(Cause cause, ScrapeVerdict verdict) {
        Undecided undecided = assertInstanceOf(Undecided.class, verdict);
        assertEquals(cause, undecided.cause(), undecided.detail());
        return undecided;
    }

    @Test
    void givenProfilePageAfterWebSiteBlock_verdict_isItsPictureWithThePagesSpelling() {
        ScrapeVerdict verdict = verdict("JACK", ldJson(WEBSITE) + ldJson(profilePage("Jack", PICTURE)));

        assertEquals(new Found(Handle.of("Jack"), PictureUrl.of(PICTURE)), verdict);
        assertEquals("Jack", ((Found) verdict).canonicalHandle().display());
    }

    @Test
    void givenBlocksInAnArray_verdict_findsTheProfile() {
        ScrapeVerdict verdict = verdict("jack", ldJson("[" + WEBSITE + "," + profilePage("Jack", PICTURE) + "]"));

        assertEquals(PICTURE, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @Test
    void givenBlocksInAGraph_verdict_findsTheProfile() {
        String graph = "{\"@context\":\"http://schema.org\",\"@graph\":[" + WEBSITE + "," + profilePage("Jack", PICTURE)
                + "]}";

        ScrapeVerdict verdict = verdict("jack", ldJson(graph));

        assertEquals(PICTURE, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @Test
    void givenTypeAsAnArrayAndImageAsABareUrl_verdict_findsTheProfile() {
        String block = "{\"@type\":[\"ProfilePage\",\"WebPage\"],\"mainEntity\":{\"@type\":\"Person\","
                + "\"additionalName\":\"@Jack\",\"image\":\"" + PICTURE + "\"}}";

        ScrapeVerdict verdict = verdict("jack", ldJson(block));

        Found found = assertInstanceOf(Found.class, verdict);
        assertEquals("Jack", found.canonicalHandle().display());
        assertEquals(PICTURE, found.picture().value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{not json",
                "undefined",
                "",
                "[1, 2,",
                "{\"@type\": \"ProfilePage\"}",
                "{\"@type\":\"ProfilePage\",\"mainEntity\":{\"additionalName\":\"not a handle!\"}}"
            })
    void givenJunkBlocksBesideTheProfile_verdict_skipsThem(String junk) {
        ScrapeVerdict verdict = verdict("jack", ldJson(junk) + ldJson(profilePage("Jack", PICTURE)) + ldJson(junk));

        assertEquals(PICTURE, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @Test
    void givenOnlyJunk_verdict_isUndecidedNoProfile() {
        assertUndecided(Cause.NO_PROFILE, verdict("jack", ldJson("{not json") + ldJson(WEBSITE)));
    }

    @Test
    void givenBlockWithoutImage_verdict_takesOgImage() {
        String block = "{\"@type\":\"ProfilePage\",\"mainEntity\":{\"additionalName\":\"Jack\"}}";
        String ogImage = PICTURE.replace("_400x400", "_200x200");

        ScrapeVerdict verdict = verdict("jack", ldJson(block) + og("url", "https://x.com/Jack") + og("image", ogImage));

        assertEquals(ogImage, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://x.com/JACK",
                "https://twitter.com/jack/",
                "https://mobile.x.com/Jack",
                "https://www.twitter.com/Jack"
            })
    void givenOgUrlOnXsHostsNamingTheAccount_verdict_vouchesForIt(String ogUrl) {
        ScrapeVerdict verdict = verdict("jack", og("url", ogUrl) + og("image", PICTURE));

        Found found = assertInstanceOf(Found.class, verdict);
        assertTrue(found.canonicalHandle().sameAccountAs(Handle.of("jack")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/jack",
                "https://x.com/jack/photo",
                "https://x.com/jack/status/1815842603377779140",
                "https://x.com/",
                "not a url at all"
            })
    void givenOgUrlThatIsNotTheAccountsProfileOnX_verdict_doesNotVouch(String ogUrl) {
        assertUndecided(Cause.NO_PROFILE, verdict("jack", og("url", ogUrl) + og("image", PICTURE)));
    }

    @Test
    void givenOwnBlockWithoutPictureAndOgUrlOfAPost_verdict_doesNotTakeThePostsImage() {
        String block = "{\"@type\":\"ProfilePage\",\"mainEntity\":{\"additionalName\":\"Jack\"}}";
        String head = ldJson(block) + og("url", "https://x.com/jack/status/1") + og("image", PICTURE);

        assertUndecided(Cause.NO_PROFILE, verdict("jack", head));
    }

    @Test
    void givenPictureInPlainHttpOnXsImageHost_verdict_isThatPictureInHttps() {
        ScrapeVerdict verdict = verdict("jack", ldJson(profilePage("Jack", PICTURE.replace("https:", "http:"))));

        assertEquals(PICTURE, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @Test
    void givenSchemeRelativePicture_verdict_readsItAsThePageWouldLoadIt() {
        ScrapeVerdict verdict = verdict("jack", ldJson(profilePage("Jack", PICTURE.replace("https:", ""))));

        assertEquals(PICTURE, assertInstanceOf(Found.class, verdict).picture().value());
    }

    @Test
    void givenOgTagsWrittenWithName_verdict_readsThemToo() {
        String head = "<meta name=\"og:url\" content=\"https://x.com/Jack\"><meta name=\"og:image\" content=\""
                + PICTURE + "\">";

        assertInstanceOf(Found.class, verdict("jack", head));
    }

    @Test
    void givenAnotherAccountsBlock_verdict_isUndecidedOtherAccount() {
        Undecided undecided =
                assertUndecided(Cause.OTHER_ACCOUNT, verdict("jack", ldJson(profilePage("Jill", PICTURE))));

        assertTrue(undecided.detail().contains("@Jill"), undecided.detail());
    }

    @Test
    void givenOwnBlockButOgUrlOfAnotherAccount_verdict_trustsNeither() {
        ScrapeVerdict verdict = verdict("jack", ldJson(profilePage("Jack", PICTURE)) + og("url", "https://x.com/Jill"));

        assertUndecided(Cause.OTHER_ACCOUNT, verdict);
    }

    @Test
    void givenBlockInTheBodyOnly_verdict_isUndecidedNoProfile() {
        String html = "<!DOCTYPE html><html><head><title>X</title></head><body>" + ldJson(profilePage("Jack", PICTURE))
                + og("url", "https://x.com/Jack") + "</body></html>";

        ScrapeVerdict verdict = ServerRenderedPage.parse(PAGE, html.getBytes(StandardCharsets.UTF_8), Optional.empty())
                .verdictFor(Handle.of("jack"), HOSTS);

        assertUndecided(Cause.NO_PROFILE, verdict);
    }

    @Test
    void givenDefaultProfileImage_verdict_isThatPicture() {
        String defaultPicture = "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png";

        ScrapeVerdict verdict = verdict("jack", ldJson(profilePage("Jack", defaultPicture)));

        assertTrue(assertInstanceOf(Found.class, verdict).picture().isDefaultPicture());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://abs.twimg.com/rweb/ssr/default/v2/og/image.png",
                "https://pbs.twimg.com/profile_banners/12/1500000000/1500x500",
                "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH?format=jpg&name=400x400",
                "https://ton.twimg.com/onboarding/og/image.png"
            })
    void givenImageOnXsHostsThatIsNotAProfilePicture_verdict_isUndecidedNeverAPicture(String picture) {
        assertUndecided(Cause.NO_PROFILE, verdict("jack", ldJson(profilePage("Jack", picture))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://images.example.net/profile_images/1/jack_400x400.jpg",
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "/profile_images/1/jack_400x400.jpg",
                "https://pbs.twimg.com.example.net/a.jpg",
                "ftp://pbs.twimg.com/profile_images/1/jack_400x400.jpg",
                "https://pbs twimg com/x"
            })
    void givenPictureOffXsHostsOrNotHttp_verdict_isInvalidPictureUrl(String picture) {
        ScrapeVerdict verdict = verdict("jack", ldJson(profilePage("Jack", picture)));

        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, verdict);
        assertTrue(invalid.detail().length() < 250, "one short line: " + invalid.detail());
    }

    @Test
    void givenVouchingPageWithoutAnyPicture_verdict_isUndecidedNoProfile() {
        String block = "{\"@type\":\"ProfilePage\",\"mainEntity\":{\"additionalName\":\"Jack\"}}";

        assertUndecided(Cause.NO_PROFILE, verdict("jack", ldJson(block)));
    }

    @Test
    void givenPageInTheCharsetTheResponseNames_parse_readsItInThatCharset() {
        // UTF-16 without a byte-order mark: unreadable unless the response's charset is used.
        String html = "<html><head>" + ldJson(profilePage("Jack", PICTURE)) + "</head></html>";

        ServerRenderedPage page = ServerRenderedPage.parse(
                PAGE, html.getBytes(StandardCharsets.UTF_16BE), Optional.of(StandardCharsets.UTF_16BE));

        assertInstanceOf(Found.class, page.verdictFor(Handle.of("jack"), HOSTS));
    }
}
