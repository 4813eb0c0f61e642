package com.profilepictures.application.testing;

import com.profilepictures.domain.port.ArchiveQueue;
import com.profilepictures.domain.port.QueueUnavailableException;
import com.profilepictures.domain.refresh.ArchiveRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The archive queue (the sweep's) in memory: it keeps every batch sent, in order; {@link #goDown()} makes sends fail. */
public final class InMemoryArchiveQueue implements ArchiveQueue {

    private final List<List<ArchiveRequest>> batches = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public void send(List<ArchiveRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("A send takes 1 to " + MAX_BATCH + " requests: " + requests.size());
        }
        if (down.get()) {
            throw new QueueUnavailableException("The in-memory queue is down (test fault): " + requests, null);
        }
        batches.add(List.copyOf(requests));
    }

    /** Every batch sent so far, in order. */
    public List<List<ArchiveRequest>> batches() {
        return List.copyOf(batches);
    }

    /** Every request sent so far, in order. */
    public List<ArchiveRequest> sent() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** Forgets what was sent, as a reader that deleted its messages. */
    public void clear() {
        batches.clear();
    }

    public void goDown() {
        down.set(true);
    }
}
