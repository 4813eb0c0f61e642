package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.Handle;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ScrapeOutcome;
import com.profilepictures.domain.ScraperUnavailableException;
import com.profilepictures.domain.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScrapeProfilePictureTest {

    private static final String OLD = "https://pbs.twimg.com/profile_images/1/old_400x400.jpg";
    private static final String NEW = "https://pbs.twimg.com/profile_images/2/new_normal.jpg";
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00.123Z");

    private final FakeProfilePictureScraper scraper = new FakeProfilePictureScraper();
    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final ScrapeProfilePicture useCase = new ScrapeProfilePicture(scraper, repository, clock);

    @Test
    void givenAProfileWithAPicture_scrape_storesItUnderTheCanonicalSpelling() {
        scraper.withPicture("Jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("JACK"));

        var expected = new ProfilePicture(Handle.of("Jack"), PictureUrl.of(NEW), NOW);
        assertEquals(new ScrapeResult.Stored(expected, true), result);
        assertEquals("Jack", repository.find(Handle.of("jack")).orElseThrow().handle().display());
    }

    @Test
    void rescrapingReplacesTheStoredPicture() {
        scraper.withPicture("jack", OLD);
        useCase.scrape(Handle.of("jack"));
        scraper.withPicture("jack", NEW);
        clock.advance(Duration.ofMinutes(1));

        useCase.scrape(Handle.of("jack"));

        var stored = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(NEW, stored.picture().value());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), stored.scrapedAt());
    }

    @Test
    void givenANewerPictureStoredMeanwhile_scrape_answersWithTheStoredOne() {
        var newer = new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.plusSeconds(5));
        repository.saveIfNewer(newer);
        scraper.withPicture("jack", NEW);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertEquals(new ScrapeResult.Stored(newer, false), result);
        assertEquals(newer, repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void scrapedAtIsWhenTheVerdictWasReached() {
        scraper.withPicture("jack", NEW);
        var scrapeTakingTwoSeconds = new ScrapeProfilePicture(handle -> {
            clock.advance(Duration.ofSeconds(2));
            return scraper.scrape(handle);
        }, repository, clock);

        var result = (ScrapeResult.Stored) scrapeTakingTwoSeconds.scrape(Handle.of("jack"));

        assertEquals(NOW.plusSeconds(2), result.current().scrapedAt());
    }

    static List<ScrapeOutcome.Failure> failures() {
        return List.of(
                new ScrapeOutcome.AccountNotFound("This account doesn’t exist"),
                new ScrapeOutcome.AccountSuspended("Account suspended"),
                new ScrapeOutcome.Blocked("login wall"),
                new ScrapeOutcome.UpstreamUnreachable("connection refused"),
                new ScrapeOutcome.InvalidPictureUrl("https://evil.example/a.jpg"),
                new ScrapeOutcome.TimedOut("no verdict in 20 s"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void givenAFailedScrape_scrape_storesNothingAndKeepsTheEarlierPicture(ScrapeOutcome.Failure failure) {
        var earlier = new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.minusSeconds(60));
        repository.saveIfNewer(earlier);
        scraper.withOutcome("jack", failure);

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertEquals(new ScrapeResult.NotScraped(failure), result);
        assertEquals(earlier, repository.find(Handle.of("jack")).orElseThrow());
    }

    @Test
    void givenAPageForAnotherAccount_scrape_storesNothing() {
        scraper.withOutcome("jack", new ScrapeOutcome.Found(Handle.of("jill"), PictureUrl.of(NEW)));

        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        var notScraped = assertInstanceOf(ScrapeResult.NotScraped.class, result);
        assertInstanceOf(ScrapeOutcome.Blocked.class, notScraped.failure());
        assertEquals(0, repository.size());
    }

    @Test
    void givenABrokenBrowser_scrape_failsAndStoresNothing() {
        scraper.breakBrowser();

        assertThrows(ScraperUnavailableException.class, () -> useCase.scrape(Handle.of("jack")));

        assertEquals(0, repository.size());
    }

    @Test
    void givenTheStoreDown_scrape_failsAndRecoversWhenItComesBack() {
        scraper.withPicture("jack", NEW);
        repository.goDown();

        assertThrows(StorageUnavailableException.class, () -> useCase.scrape(Handle.of("jack")));
        repository.comeBack();
        ScrapeResult result = useCase.scrape(Handle.of("jack"));

        assertTrue(result instanceof ScrapeResult.Stored stored && stored.replaced());
        assertFalse(repository.find(Handle.of("jack")).isEmpty());
    }
}
