package com.profilepictures.adapters.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.scrape.Deadline;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs that report, hang, fail or tidy up slowly, without a browser. */
class DeadlineRunnerTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    // For a job that must report in time: starting a thread and reporting takes milliseconds, even loaded.
    private static final Duration AMPLE = Duration.ofSeconds(3);
    // How long a test waits for something that should happen at once: only a broken runner waits it out.
    private static final long PATIENCE_SECONDS = 30;

    private final DeadlineRunner runner = new DeadlineRunner("test", new DeadlineRunner.Slack(SHORT, SHORT, SHORT));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseJobsAndClose() {
        release.countDown();
        runner.close();
    }

    @Test
    void givenJobThatReportsInTime_run_returnsTheReport_andItsWatchdogNeverActs() throws Exception {
        AtomicInteger quickHangs = new AtomicInteger();
        CountDownLatch slowHang = new CountDownLatch(1);

        Optional<String> report =
                runner.run(Deadline.after(AMPLE), done -> done.accept("verdict"), quickHangs::incrementAndGet);
        // The watchdog runs its actions in deadline order, so once a later job's has run, the first one's would have.
        Optional<String> none = runner.run(Deadline.after(AMPLE), done -> awaitRelease(), slowHang::countDown);

        assertEquals(Optional.of("verdict"), report);
        assertEquals(Optional.empty(), none);
        assertTrue(slowHang.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the hung job's watchdog never acted");
        assertEquals(0, quickHangs.get(), "the watchdog acted on a job that had finished");
    }

    @Test
    void givenJobThatNeverReports_run_returnsNothingByTheDeadline_andItsWatchdogActs() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        long start = System.nanoTime();

        Optional<String> report = runner.run(Deadline.after(SHORT), done -> awaitRelease(), hung::countDown);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Optional.empty(), report);
        assertTrue(took.compareTo(SHORT) >= 0, "gave up before the deadline: " + took);
        assertTrue(hung.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the watchdog never acted");
    }

    @Test
    void givenJobThatThrowsBeforeReporting_run_throwsItToTheCaller() {
        IllegalStateException failure = new IllegalStateException("broken");

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> runner.run(
                        Deadline.after(Duration.ofSeconds(PATIENCE_SECONDS)),
                        done -> {
                            throw failure;
                        },
                        () -> {}));

        assertSame(failure, thrown);
    }

    @Test
    void givenJobThatTidiesUpSlowlyAfterReporting_run_returnsTheReportAnyway() throws Exception {
        Optional<String> report = runner.run(
                Deadline.after(Duration.ofSeconds(PATIENCE_SECONDS)),
                done -> {
                    done.accept("verdict");
                    awaitRelease();
                },
                () -> {});

        assertEquals(Optional.of("verdict"), report);
    }

    @Test
    void givenClosedRunner_run_rejectsTheJob() {
        runner.close();

        assertThrows(
                RejectedExecutionException.class,
                () -> runner.run(Deadline.after(SHORT), done -> done.accept("x"), () -> {}));
    }

    private void awaitRelease() {
        try {
            release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
