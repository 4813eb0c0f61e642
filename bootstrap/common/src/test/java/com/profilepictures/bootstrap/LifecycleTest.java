package com.profilepictures.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    /** The JVM's shutdown hooks, as far as one lifecycle can see them. */
    private final List<Thread> hooks = new ArrayList<>();

    private final Lifecycle lifecycle = new Lifecycle(hooks::add, hooks::remove);
    /** What got closed, in order. */
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable resource(String name) {
        return new AutoCloseable() {
            @Override
            public void close() {
                closed.add(name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void givenNobodyInCharge_registrations_installOneHook_thatClosesEverythingNewestFirst() {
        lifecycle.closeOnExit(resource("client"));
        lifecycle.closeOnExit(resource("browsers"));

        assertEquals(1, hooks.size(), "one hook however many register");
        hooks.get(0).run();
        assertEquals(List.of("browsers", "client"), closed);
    }

    @Test
    void givenSomeoneInCharge_registrations_installNoHook_andClosingIsTheirs() {
        lifecycle.takeCharge();
        lifecycle.closeOnExit(resource("browsers"));

        assertEquals(List.of(), hooks);
        assertEquals(List.of(), closed);
        lifecycle.close();
        assertEquals(List.of("browsers"), closed);
    }

    @Test
    void givenAHookAlreadyInstalled_takingCharge_removesIt_andKeepsWhatWasRegistered() {
        lifecycle.closeOnExit(resource("browsers"));

        lifecycle.takeCharge();

        assertEquals(List.of(), hooks);
        lifecycle.close();
        assertEquals(List.of("browsers"), closed);
    }

    @Test
    void whenOneFailsToClose_theOthersAreStillClosed_andTheFailureIsReported() {
        lifecycle.takeCharge();
        lifecycle.closeOnExit(resource("client"));
        lifecycle.closeOnExit(() -> {
            throw new IllegalStateException("chromedriver hung");
        });
        lifecycle.closeOnExit(resource("browsers"));

        var thrown = assertThrows(IllegalStateException.class, lifecycle::close);

        assertTrue(thrown.getMessage().contains("chromedriver hung"), thrown.getMessage());
        assertEquals(List.of("browsers", "client"), closed);
    }

    @Test
    void givenAClosedLifecycle_closingAgainClosesNothingTwice_andALateRegistrationIsClosedAtOnce() {
        lifecycle.closeOnExit(resource("browsers"));
        lifecycle.close();

        lifecycle.close();
        lifecycle.closeOnExit(resource("late browsers"));

        assertEquals(List.of("browsers", "late browsers"), closed);
    }
}
