package com.profilepictures.domain.port;

import com.profilepictures.domain.refresh.ArchiveRequest;
import java.util.List;

/**
 * The queue of stored pictures the sweep sends to be archived again, which the archive side reads.
 * Implementations throw {@link QueueUnavailableException} when a request could not be sent, even after retries.
 */
public interface ArchiveQueue {

    /** The most requests one call sends (SQS's {@code SendMessageBatch} takes ten). */
    int MAX_BATCH = 10;

    /**
     * Sends each of {@code requests} (at most {@link #MAX_BATCH}) as one message. Returns only once every one is
     * on the queue; when some could not be sent it throws, naming them, and those that were sent stay sent.
     */
    void send(List<ArchiveRequest> requests);
}
