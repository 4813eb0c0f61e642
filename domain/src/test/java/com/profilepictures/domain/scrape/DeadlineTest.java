package com.profilepictures.domain.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aShareShorterThanWhatIsLeftEndsFirst() {
        Deadline scrape = Deadline.after(Duration.ofMinutes(10));

        Deadline share = scrape.within(Duration.ofSeconds(3));

        assertEquals(Duration.ofSeconds(3), share.length());
        assertTrue(share.expiresAtNanos() - scrape.expiresAtNanos() < 0);
        assertTrue(share.remaining().compareTo(Duration.ofSeconds(3)) <= 0);
    }

    @Test
    void aShareLongerThanWhatIsLeftIsTheWholeDeadline() {
        Deadline scrape = Deadline.after(Duration.ofSeconds(2));

        assertSame(scrape, scrape.within(Duration.ofMinutes(1)));
    }

    @Test
    void aPassedDeadlineHasNothingLeft() {
        Deadline passed = new Deadline(System.nanoTime() - 1, Duration.ofMillis(1));

        assertEquals(Duration.ZERO, passed.remaining());
    }
}
