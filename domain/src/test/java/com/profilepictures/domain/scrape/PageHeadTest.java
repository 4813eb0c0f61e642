package com.profilepictures.domain.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.PageHead.ProfileBlock;
import com.profilepictures.domain.scrape.PageHead.Reading;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule by which every source reads the head of one of X's pages. */
class PageHeadTest {

    private static final URI PAGE = URI.create("https://x.com/AIatMeta");
    private static final XSite X = new XSite(URI.create("https://x.com"));
    private static final Handle ASKED = Handle.of("aiatmeta");
    private static final String AVATAR =
            "https://pbs.twimg.com/profile_images/1296667294148382721/9Pr6XrPB_200x200.jpg";

    private static Reading read(List<ProfileBlock> blocks, String ogUrl, String ogImage) {
        return new PageHead(PAGE, blocks, Optional.ofNullable(ogUrl), Optional.ofNullable(ogImage)).readFor(ASKED, X);
    }

    private static ProfileBlock block(String account, String picture) {
        return new ProfileBlock(Optional.of(account), Optional.ofNullable(picture));
    }

    @Test
    void givenOgUrlOfAPostByAnotherAccount_readFor_vouchesForNobodyAndOffersNoImage() {
        // The head X serves for a post: its og:image is the post's author's avatar, nobody else's picture.
        Reading reading = read(List.of(), "https://x.com/karpathy/status/1815842603377779140", AVATAR);

        assertEquals(new Reading.NamesNobody(Optional.empty()), reading);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://x.com/AIatMeta/status/1",
                "https://x.com/AIatMeta/photo",
                "https://example.com/AIatMeta",
                "https://x.com.example.net/AIatMeta",
                "ftp://x.com/AIatMeta",
                "not a url at all"
            })
    void givenOgUrlNamingAnyOtherPage_readFor_vouchesForNobodyAndOffersNoImage(String ogUrl) {
        assertEquals(new Reading.NamesNobody(Optional.empty()), read(List.of(), ogUrl, AVATAR));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://x.com/aiatmeta", "https://twitter.com/AIatMeta/", "/AIatMeta", "http://x.com/AIatMeta"})
    void givenOgUrlThatIsTheAccountsProfile_readFor_vouchesWithOgImage(String ogUrl) {
        Reading reading = read(List.of(), ogUrl, AVATAR);

        assertEquals(
                new Reading.Vouches(Handle.of(ogUrl.replaceAll(".*/(\\w+)/?$", "$1")), Optional.of(AVATAR)), reading);
    }

    @Test
    void givenOgUrlOnTheStandInsHost_readFor_vouches() {
        var standIn = new XSite(URI.create("http://127.0.0.1:8081"));
        var head = new PageHead(
                URI.create("http://127.0.0.1:8081/AIatMeta"),
                List.of(),
                Optional.of("http://127.0.0.1:8081/AIatMeta"),
                Optional.of(AVATAR));

        assertEquals(new Reading.Vouches(Handle.of("AIatMeta"), Optional.of(AVATAR)), head.readFor(ASKED, standIn));
    }

    @Test
    void givenOgUrlOfAnotherAccountsProfile_readFor_namesIt() {
        assertEquals(
                new Reading.NamesOthers(List.of(Handle.of("karpathy"))),
                read(List.of(), "https://x.com/karpathy", AVATAR));
    }

    @Test
    void givenNoOgUrl_readFor_namesNobodyAndLeavesTheImageToWhoeverKnowsWhosePageItIs() {
        assertEquals(new Reading.NamesNobody(Optional.of(AVATAR)), read(List.of(), null, AVATAR));
    }

    @Test
    void givenABlockNamingTheAccount_readFor_vouchesWithTheBlocksPictureAndSpelling() {
        Reading reading = read(
                List.of(block("@AIatMeta", AVATAR)), null, "https://abs.twimg.com/rweb/ssr/default/v2/og/image.png");

        assertEquals(new Reading.Vouches(Handle.of("AIatMeta"), Optional.of(AVATAR)), reading);
    }

    @Test
    void givenABlockWithoutPictureAndOgUrlOfAPost_readFor_vouchesWithoutAPicture() {
        Reading reading = read(List.of(block("AIatMeta", null)), "https://x.com/AIatMeta/status/1", AVATAR);

        assertEquals(new Reading.Vouches(Handle.of("AIatMeta"), Optional.empty()), reading);
    }

    @Test
    void givenTheAccountAndOthers_readFor_namesEachOtherOnce() {
        Reading reading = read(
                List.of(block("AIatMeta", AVATAR), block("Jill", AVATAR), block("jill", AVATAR), block("Jack", null)),
                "https://x.com/jack",
                AVATAR);

        assertEquals(new Reading.NamesOthers(List.of(Handle.of("Jill"), Handle.of("Jack"))), reading);
    }

    @Test
    void givenBlocksThatNameNoHandle_readFor_namesNobody() {
        Reading reading = read(
                List.of(new ProfileBlock(Optional.empty(), Optional.of(AVATAR)), block("not a handle!", AVATAR)),
                null,
                null);

        assertEquals(new Reading.NamesNobody(Optional.empty()), reading);
    }

    @Test
    void givenRelativePictures_readFor_resolvesThemAgainstThePage() {
        Reading reading =
                read(List.of(block("AIatMeta", "//pbs.twimg.com/profile_images/1/a_400x400.jpg")), null, null);

        assertEquals(
                new Reading.Vouches(
                        Handle.of("AIatMeta"), Optional.of("https://pbs.twimg.com/profile_images/1/a_400x400.jpg")),
                reading);
    }
}
