package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.PageHead;
import com.profilepictures.domain.scrape.PageHead.ProfileBlock;
import com.profilepictures.domain.scrape.ScrapeVerdict.Blocked;
import com.profilepictures.domain.scrape.ScrapeVerdict.Found;
import com.profilepictures.domain.scrape.ScrapeVerdict.InvalidPictureUrl;
import com.profilepictures.domain.scrape.ScrapeVerdict.TimedOut;
import com.profilepictures.domain.scrape.ScrapeVerdict.UpstreamMismatch;
import com.profilepictures.domain.scrape.XSite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The rules that decide what a page that shows no verdict outright says, on a clock the test moves. The pages
 * themselves, read by Chromium, are in {@link SeleniumProfilePictureScraperTest}.
 */
class ProfileJudgeTest {

    private static final String PICTURE = "https://pbs.twimg.com/profile_images/1/jack_400x400.jpg";
    private static final String OTHER_PICTURE = "https://pbs.twimg.com/profile_images/2/other_400x400.jpg";
    private static final Duration SCRAPE = Duration.ofSeconds(20);
    private static final URI PAGE = URI.create("http://x.test/jack");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ProfileJudge judge = new ProfileJudge(
            Handle.of("jack"),
            PAGE,
            new XSite(URI.create("http://x.test")),
            new Deadline(now.get() + SCRAPE.toNanos(), SCRAPE),
            now::get);

    @Test
    void givenOnlyTheHeadVouching_judge_waitsTheHeadsGrace_thenTakesItsPictureAndSpelling() {
        Look headOnly = look().head("Jack", PICTURE).build();

        assertNull(judge.judge(headOnly));
        advance(ProfileJudge.HEAD_GRACE.minusMillis(1));
        assertNull(judge.judge(headOnly), "the app may still be loading");
        advance(Duration.ofMillis(1));

        Found found = assertInstanceOf(Found.class, judge.judge(headOnly));
        assertEquals(PICTURE, found.picture().value());
        assertEquals("Jack", found.canonicalHandle().display());
    }

    @Test
    void givenTheAppShowingTheOwnersName_judge_givesItsAvatarTheAppsGraceFromThen_howeverLongTheHeadVouched() {
        assertNull(judge.judge(look().head("Jack", PICTURE).build()));
        advance(ProfileJudge.HEAD_GRACE.minusMillis(100));
        Look both = look().nameBlock("Jack").head("Jack", PICTURE).build();

        assertNull(judge.judge(both), "the app has just shown the owner: its avatar may follow");
        advance(ProfileJudge.APP_GRACE);

        assertInstanceOf(Found.class, judge.judge(both));
    }

    @Test
    void givenLooksStampedByThePage_theAppsGraceRunsOnThePagesClock_notOnWhenTheLooksCameBack() {
        long page = 1_764_561_600_000_000_000L; // epoch nanoseconds, as the page's clock gives them
        assertNull(judge.judge(
                look().nameBlock("Jack").head("Jack", PICTURE).takenAt(page).build()));
        // A stalled round trip: the next look comes back long after the grace, but the page was looked at in it.
        advance(ProfileJudge.APP_GRACE.multipliedBy(3));

        assertNull(
                judge.judge(look().nameBlock("Jack")
                        .head("Jack", PICTURE)
                        .takenAt(page + ProfileJudge.APP_GRACE.minusMillis(1).toNanos())
                        .build()),
                "the avatar may still come");
        Found found = assertInstanceOf(
                Found.class,
                judge.judge(look().nameBlock("Jack")
                        .head("Jack", PICTURE)
                        .takenAt(page + ProfileJudge.APP_GRACE.toNanos())
                        .build()));
        assertEquals(PICTURE, found.picture().value());
    }

    @Test
    void givenALookWithoutThePagesClockAfterOneWithIt_judge_refusesToMixTheClocks() {
        long page = 1_764_561_600_000_000_000L;
        assertNull(judge.judge(
                look().nameBlock("Jack").head("Jack", PICTURE).takenAt(page).build()));

        assertThrows(
                IllegalStateException.class,
                () -> judge.judge(look().nameBlock("Jack").head("Jack", PICTURE).build()));
    }

    @Test
    void aLookReadsThePagesClockInMillisecondsAsNanoseconds_andWithoutOneFallsBackToArrival() {
        assertEquals(
                OptionalLong.of(1_764_561_600_123_500_000L),
                Look.from(Map.of("takenAt", 1_764_561_600_123.5)).takenAtNanos());
        assertEquals(OptionalLong.empty(), Look.from(Map.of()).takenAtNanos());
    }

    @Test
    void givenTheSiteWideImage_judge_neverTakesIt_notEvenAtTheDeadline() {
        Look siteWide = look().nameBlock("Jack")
                .head("Jack", "https://abs.twimg.com/rweb/ssr/default/v2/og/image.png")
                .onProfilePath()
                .build();

        assertNull(judge.judge(siteWide));
        advance(SCRAPE.minusMillis(10));

        assertNull(judge.judge(siteWide));
    }

    @Test
    void givenAnImageOnXsOtherImageHosts_judge_neverTakesIt() {
        // The crawler reads ton.twimg.com as X's site-wide image too (PictureUrl.classify).
        Look siteWide = look().nameBlock("Jack")
                .head("Jack", "https://ton.twimg.com/onboarding/og/image.png")
                .onProfilePath()
                .build();

        advance(SCRAPE.minusMillis(10));

        assertNull(judge.judge(siteWide));
    }

    @Test
    void givenAVouchingHeadsPictureInPlainHttp_judge_takesItInHttps() {
        Look headOnly = look().head("Jack", PICTURE.replace("https:", "http:")).build();

        assertNull(judge.judge(headOnly));
        advance(ProfileJudge.HEAD_GRACE);

        assertEquals(
                PICTURE,
                assertInstanceOf(Found.class, judge.judge(headOnly)).picture().value());
    }

    @Test
    void givenAVouchingHeadsPictureOffXsHosts_judge_callsItInvalidAfterTheGrace() {
        Look headOnly =
                look().head("Jack", "https://images.example.net/jack.jpg").build();

        assertNull(judge.judge(headOnly));
        advance(ProfileJudge.HEAD_GRACE);

        assertInstanceOf(InvalidPictureUrl.class, judge.judge(headOnly));
    }

    @Test
    void givenTheHeadOfAPostsPage_judge_neverTakesItsImage_notEvenAtTheDeadlineOnTheProfilesPath() {
        // What X served at /AIatMeta once: the head of @karpathy's post, its og:image his avatar.
        Look post = look().onProfilePath()
                .og("https://x.com/karpathy/status/1815842603377779140", OTHER_PICTURE)
                .build();

        assertNull(judge.judge(post));
        advance(SCRAPE.minusMillis(10));

        assertNull(judge.judge(post));
        assertTrue(
                judge.timedOut().detail().contains("no verdict"),
                judge.timedOut().detail());
    }

    @Test
    void givenAnOgImageNoOgUrlClaims_judge_takesItOnlyWhenTheAppNamesTheOwner() {
        Look headAlone = look().onProfilePath().og(null, PICTURE).build();
        Look withApp =
                look().onProfilePath().nameBlock("Jack").og(null, PICTURE).build();

        advance(SCRAPE.minusMillis(10));

        assertNull(judge.judge(headAlone), "no one says whose page this is");
        assertEquals(
                PICTURE,
                assertInstanceOf(Found.class, judge.judge(withApp)).picture().value());
    }

    @Test
    void givenOneOtherAccountNamedThroughout_judge_callsItAMismatchAfterTheGrace() {
        Look other = look().otherName("Someone_Else").build();

        assertNull(judge.judge(other));
        advance(ProfileJudge.APP_GRACE);

        UpstreamMismatch mismatch = assertInstanceOf(UpstreamMismatch.class, judge.judge(other));
        assertTrue(mismatch.detail().contains("@Someone_Else"), mismatch.detail());
    }

    @Test
    void givenAMismatchInterruptedByTheOwner_judge_startsItsGraceAgain() {
        Look other = look().otherName("Someone_Else").build();
        assertNull(judge.judge(other));
        advance(ProfileJudge.APP_GRACE.minusMillis(100));
        assertNull(judge.judge(look().nameBlock("Jack").build()));
        advance(Duration.ofMillis(100));

        assertNull(judge.judge(other), "not consistently another account");
        advance(ProfileJudge.APP_GRACE);
        assertInstanceOf(UpstreamMismatch.class, judge.judge(other));
    }

    @Test
    void givenTwoOtherAccountsNamed_judge_neverCallsItAMismatch_andTimesOutNamingBoth() {
        Look confused = look().otherName("Someone_Else").headOthers("Third_One").build();

        assertNull(judge.judge(confused));
        advance(SCRAPE);
        assertNull(judge.judge(confused));

        TimedOut timedOut = judge.timedOut();
        assertTrue(
                timedOut.detail().contains("@Someone_Else") && timedOut.detail().contains("@Third_One"),
                timedOut.detail());
    }

    @Test
    void givenTheHeadNamingAnotherAccountWhileTheAppShowsTheOwner_judge_takesNoPictureAndNoMismatch() {
        Look mixed = look().nameBlock("Jack").headOthers("Someone_Else").build();

        assertNull(judge.judge(mixed));
        advance(SCRAPE.minusMillis(10));

        assertNull(judge.judge(mixed));
    }

    @Test
    void givenTheAppsErrorPage_judge_takesAVouchingHeadsPictureAtOnce_elseCallsItBlocked() {
        Found found = assertInstanceOf(
                Found.class,
                judge.judge(look().errorShown().head("Jack", PICTURE).build()));
        assertEquals(PICTURE, found.picture().value());

        assertInstanceOf(Blocked.class, judge.judge(look().errorShown().build()));
    }

    @Test
    void givenTheOwnersAvatarWithAJavascriptSource_judge_callsItAnInvalidPictureAtOnce() {
        Look owner = new Look(
                "owner",
                "",
                "Jack",
                "javascript:void(0)",
                true,
                null,
                true,
                false,
                new PageHead(PAGE, List.of(), Optional.empty(), Optional.empty()),
                OptionalLong.empty());

        InvalidPictureUrl invalid = assertInstanceOf(InvalidPictureUrl.class, judge.judge(owner));
        assertTrue(invalid.detail().contains("javascript:void(0)"), invalid.detail());
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private static LookBuilder look() {
        return new LookBuilder();
    }

    /** A look that saw no verdict, with what the test names. */
    private static final class LookBuilder {
        private String nameBlock;
        private String otherName;
        private boolean onProfilePath;
        private boolean errorShown;
        private String headHandle;
        private String headPicture;
        private List<String> headOthers = List.of();
        private String ogUrl;
        private String ogImage;
        private OptionalLong takenAt = OptionalLong.empty();

        LookBuilder nameBlock(String handle) {
            nameBlock = handle;
            return this;
        }

        LookBuilder otherName(String handle) {
            otherName = handle;
            return this;
        }

        LookBuilder onProfilePath() {
            onProfilePath = true;
            return this;
        }

        LookBuilder errorShown() {
            errorShown = true;
            return this;
        }

        LookBuilder head(String handle, String picture) {
            headHandle = handle;
            headPicture = picture;
            return this;
        }

        /** Open Graph tags only; a null leaves the tag out. */
        LookBuilder og(String url, String image) {
            ogUrl = url;
            ogImage = image;
            return this;
        }

        LookBuilder takenAt(long pageNanos) {
            takenAt = OptionalLong.of(pageNanos);
            return this;
        }

        LookBuilder headOthers(String... handles) {
            headOthers = List.of(handles);
            return this;
        }

        Look build() {
            boolean profileShown = nameBlock != null || otherName != null;
            List<ProfileBlock> blocks = new ArrayList<>();
            if (headHandle != null) {
                blocks.add(new ProfileBlock(Optional.of(headHandle), Optional.ofNullable(headPicture)));
            }
            for (String other : headOthers) {
                blocks.add(new ProfileBlock(Optional.of(other), Optional.empty()));
            }
            return new Look(
                    null,
                    "",
                    nameBlock,
                    null,
                    profileShown,
                    otherName,
                    onProfilePath,
                    errorShown,
                    new PageHead(PAGE, blocks, Optional.ofNullable(ogUrl), Optional.ofNullable(ogImage)),
                    takenAt);
        }
    }
}
