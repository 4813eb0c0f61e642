package com.profilepictures.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PacedScraperTest {

    private static final String PICTURE = "https://pbs.twimg.com/profile_images/1/a_400x400.jpg";

    private final FakeProfilePictureScraper source = new FakeProfilePictureScraper();

    @Test
    void givenCallsFromSeveralThreads_scrape_spacesThemAtTheRate() throws Exception {
        // 1,200 a minute: one every 50 ms; five calls take at least four intervals, however many threads.
        FakeProfilePictureScraper fake = new FakeProfilePictureScraper().withPicture("jack", PICTURE);
        PacedScraper paced = new PacedScraper(fake, 1200);
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        long started = System.nanoTime();

        try {
            List<Future<ScrapeVerdict>> calls = List.of(
                    pool.submit(() -> paced.scrape(Handle.of("jack"), deadline)),
                    pool.submit(() -> paced.scrape(Handle.of("jack"), deadline)),
                    pool.submit(() -> paced.scrape(Handle.of("jack"), deadline)),
                    pool.submit(() -> paced.scrape(Handle.of("jack"), deadline)),
                    pool.submit(() -> paced.scrape(Handle.of("jack"), deadline)));
            for (Future<ScrapeVerdict> call : calls) {
                assertInstanceOf(ScrapeVerdict.Found.class, call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(5, fake.requested().size());
        assertTrue(took.compareTo(Duration.ofMillis(200)) >= 0, "five calls at 50 ms apart took " + took);
    }

    @Test
    void givenASlotAfterTheDeadline_scrapeAll_asksNothingAndAnswersNoAnswerInTime() {
        FakeProfilePictureScraper fake = new FakeProfilePictureScraper().withPicture("jack", PICTURE);
        // One a minute: the first call takes the only slot of the next 60 s.
        PacedScraper paced = new PacedScraper(fake, 1);
        paced.scrape(Handle.of("jack"), Deadline.after(Duration.ofSeconds(5)));

        Map<Handle, ScrapeVerdict> verdicts =
                paced.scrapeAll(List.of(Handle.of("jack"), Handle.of("jill")), Deadline.after(Duration.ofSeconds(5)));

        assertEquals(1, fake.requested().size(), "only the first call reached X");
        assertEquals(List.of(Handle.of("jack"), Handle.of("jill")), List.copyOf(verdicts.keySet()));
        verdicts.values()
                .forEach(verdict -> assertEquals(
                        Undecided.Cause.TIMED_OUT,
                        assertInstanceOf(Undecided.class, verdict).cause()));
    }

    @Test
    void givenNoRate_aPacedSource_isRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RefreshSource.crawler(source).paced(0));
    }
}
