package com.profilepictures.domain.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PictureUrlTest {

    private static final String BASE = "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH";

    @Test
    void derivesEverySizeFromAnyOther() {
        for (String suffix : List.of("_mini", "_normal", "_bigger", "_200x200", "_400x400", "")) {
            var url = PictureUrl.of(BASE + suffix + ".jpg");

            assertEquals(
                    BASE + "_400x400.jpg",
                    url.withSize(PictureSize.SIZE_400X400).value());
            assertEquals(BASE + "_mini.jpg", url.withSize(PictureSize.MINI).value());
            assertEquals(BASE + ".jpg", url.withSize(PictureSize.ORIGINAL).value());
        }
    }

    @Test
    void knowsItsOwnSize() {
        assertEquals(PictureSize.NORMAL, PictureUrl.of(BASE + "_normal.jpg").size());
        assertEquals(PictureSize.ORIGINAL, PictureUrl.of(BASE + ".png").size());
    }

    @Test
    void sizesListsAllSixInOrder() {
        var sizes = PictureUrl.of(BASE + "_normal.jpg").sizes();

        assertEquals(List.of(PictureSize.values()), List.copyOf(sizes.keySet()));
        assertEquals(BASE + "_bigger.jpg", sizes.get(PictureSize.BIGGER).value());
        assertEquals(BASE + "_200x200.jpg", sizes.get(PictureSize.SIZE_200X200).value());
    }

    @Test
    void aNameWithUnderscoresKeepsThemAndLosesOnlyTheSizeSuffix() {
        var url = PictureUrl.of("https://pbs.twimg.com/profile_images/1/IMG_2024_normal.jpeg");

        assertEquals(
                "https://pbs.twimg.com/profile_images/1/IMG_2024_400x400.jpeg",
                url.withSize(PictureSize.SIZE_400X400).value());
    }

    @Test
    void theDefaultPictureHasSizesToo() {
        var url = PictureUrl.of("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png");

        assertTrue(url.isDefaultPicture());
        assertEquals(
                "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png",
                url.withSize(PictureSize.SIZE_400X400).value());
        assertEquals(
                "https://abs.twimg.com/sticky/default_profile_images/default_profile.png",
                url.withSize(PictureSize.ORIGINAL).value());
        assertFalse(PictureUrl.of(BASE + ".jpg").isDefaultPicture());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://pbs.twimg.com/profile_images/1/a_400x400.jpg",
                "https://evil.example/profile_images/1/a_400x400.jpg",
                "https://pbs.twimg.com.evil.example/profile_images/1/a_400x400.jpg",
                "https://user@pbs.twimg.com/profile_images/1/a_400x400.jpg",
                "https://pbs.twimg.com:8443/profile_images/1/a_400x400.jpg",
                "https://pbs.twimg.com/profile_images/1/a_400x400.jpg?x=1",
                "https://pbs.twimg.com/profile_images/1/a_400x400.jpg#x",
                "https://pbs.twimg.com/media/1/a_400x400.jpg",
                "https://pbs.twimg.com/profile_images/x/a_400x400.jpg",
                "https://pbs.twimg.com/profile_images/1/a_400x400.exe",
                "https://pbs.twimg.com/profile_images/1/../a_400x400.jpg",
                "https://abs.twimg.com/sticky/default_profile_images/other_normal.png",
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "/profile_images/1/a_400x400.jpg",
                "not a url",
                " ",
            })
    void rejectsAnythingButAnXProfilePictureOverHttps(String value) {
        assertThrows(InvalidPictureUrlException.class, () -> PictureUrl.of(value));
    }

    @Test
    void rejectsNull() {
        assertThrows(InvalidPictureUrlException.class, () -> PictureUrl.of(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg",
                "http://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg",
                "  HTTPS://PBS.TWIMG.COM/profile_images/1661201415899951105/azNjKOSH_400x400.jpg "
            })
    void givenAProfilePicturesShapeOnXsImageHost_classify_isThatPictureInHttps(String written) {
        assertEquals(
                new PictureUrl.Kind.ProfilePictureUrl(
                        PictureUrl.of("https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg")),
                PictureUrl.classify(written));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://abs.twimg.com/rweb/ssr/default/v2/og/image.png",
                "https://ton.twimg.com/onboarding/og/image.png",
                "https://pbs.twimg.com/media/GTQnsX2W0AAF6Tn.jpg",
                "https://pbs.twimg.com/profile_banners/12/1500000000/1500x500",
                "https://pbs.twimg.com/profile_images/1/a?format=jpg&name=400x400",
                "http://abs.twimg.com/responsive-web/client-web/icon-default.png",
                "https://twimg.com/profile_images/1/a_400x400.jpg"
            })
    void givenAnyOtherImageOnXsImageHosts_classify_isXsSiteWideImage(String written) {
        assertEquals(new PictureUrl.Kind.SiteWideImage(written), PictureUrl.classify(written));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://images.example.net/profile_images/1/jack_400x400.jpg",
                "https://twimg0-a.akamaihd.net/profile_images/2380086215/fcu46ozay5f5al9kdfvq.png",
                "https://pbs.twimg.com.example.net/profile_images/1/a_400x400.jpg",
                "ftp://pbs.twimg.com/profile_images/1/a_400x400.jpg",
                "//pbs.twimg.com/profile_images/1/a_400x400.jpg",
                "/profile_images/1/a_400x400.jpg",
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "https://pbs twimg com/x",
                ""
            })
    void givenAnythingNotOnXsImageHosts_classify_isForeignAndSaysWhy(String written) {
        var foreign = assertInstanceOf(PictureUrl.Kind.ForeignImage.class, PictureUrl.classify(written));

        assertFalse(foreign.why().isBlank());
        assertTrue(foreign.why().length() < 200, foreign.why());
    }
}
