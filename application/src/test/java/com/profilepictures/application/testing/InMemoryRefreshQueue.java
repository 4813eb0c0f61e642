package com.profilepictures.application.testing;

import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.port.RefreshQueue;
import com.profilepictures.domain.refresh.RefreshRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The refresh queue in memory: it keeps every batch sent, in order; {@link #goDown()} makes sends fail. */
public final class InMemoryRefreshQueue implements RefreshQueue {

    private final List<List<RefreshRequest>> batches = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public void send(List<RefreshRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("A send takes 1 to " + MAX_BATCH + " requests: " + requests.size());
        }
        if (down.get()) {
            throw new QueueUnavailableException("The in-memory queue is down (test fault): " + requests, null);
        }
        batches.add(List.copyOf(requests));
    }

    /** Every batch sent so far, in order. */
    public List<List<RefreshRequest>> batches() {
        return List.copyOf(batches);
    }

    /** Every request sent so far, in order. */
    public List<RefreshRequest> sent() {
        return batches.stream().flatMap(List::stream).toList();
    }

    public void goDown() {
        down.set(true);
    }
}
