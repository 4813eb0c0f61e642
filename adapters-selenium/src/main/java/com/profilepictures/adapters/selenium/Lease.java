package com.profilepictures.adapters.selenium;

/**
 * Who may use the browser of one scrape. The scrape's worker holds the lease until it finishes, unless it
 * is given up first: by the scrape's caller, when the deadline passes while the browser is still starting
 * (the start is then to blame, not X), or by the watchdog, when the worker overruns the deadline (the
 * browser is then presumed hung). Whoever gives the lease up disposes of its browser; the worker then
 * must not use it, and only lets it go.
 */
final class Lease {

    enum State {
        /** No browser yet. */
        WAITING,
        /** A browser is attached and still starting. */
        STARTING,
        /** A started browser is attached. */
        IN_USE,
        /** The worker is done; it keeps or discards the browser. */
        FINISHED,
        /** Taken from the worker; whoever gave it up disposes of the browser. */
        GIVEN_UP
    }

    private State state = State.WAITING;
    // The state the lease was given up in: whether a browser had started decides who is to blame.
    private State givenUpIn;
    private Browser browser;

    /**
     * Attaches the browser the worker is about to use, still starting or already started.
     *
     * @return false if the lease was given up: the worker must not use the browser then
     */
    synchronized boolean attach(Browser attached, boolean started) {
        if (state == State.GIVEN_UP) {
            return false;
        }
        if (state == State.FINISHED) {
            throw new IllegalStateException("The lease has ended.");
        }
        browser = attached;
        state = started ? State.IN_USE : State.STARTING;
        return true;
    }

    /** The attached browser has started; false if the lease was given up first. */
    synchronized boolean markStarted() {
        if (state == State.GIVEN_UP) {
            return false;
        }
        if (state != State.STARTING) {
            throw new IllegalStateException("No browser is starting: " + state);
        }
        state = State.IN_USE;
        return true;
    }

    /**
     * For the caller at the deadline: gives the lease up if no browser has started for it, so that the
     * caller can dispose of the one still starting ({@link #browser()}, if any).
     *
     * @return whether the lease was given up before a browser had started for it; false if one had (or the
     *     worker had finished): the scrape then simply timed out
     */
    synchronized boolean giveUpIfNotStarted() {
        if (state == State.WAITING || state == State.STARTING) {
            giveUp();
        }
        return state == State.GIVEN_UP && (givenUpIn == State.WAITING || givenUpIn == State.STARTING);
    }

    /**
     * For the watchdog: gives the lease up unless the worker has finished or it was given up already.
     *
     * @return the browser to dispose of, or null if there is none to dispose of here
     */
    synchronized Browser giveUpUnlessFinished() {
        if (state == State.FINISHED || state == State.GIVEN_UP) {
            return null;
        }
        giveUp();
        return browser;
    }

    /** For the worker, last: ends the lease. False if it was given up, so the worker must let the browser go. */
    synchronized boolean finish() {
        if (state == State.GIVEN_UP) {
            return false;
        }
        state = State.FINISHED;
        return true;
    }

    /** The browser attached last, or null. */
    synchronized Browser browser() {
        return browser;
    }

    private void giveUp() {
        givenUpIn = state;
        state = State.GIVEN_UP;
    }
}
