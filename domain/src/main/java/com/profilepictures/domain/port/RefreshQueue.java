package com.profilepictures.domain.port;

import com.profilepictures.domain.refresh.RefreshRequest;
import java.util.List;

/**
 * The queue of accounts to refresh, which the refresh workers read. Implementations throw
 * {@link QueueUnavailableException} when a request could not be sent, even after retries.
 */
public interface RefreshQueue {

    /** The most requests one call sends (SQS's {@code SendMessageBatch} takes ten). */
    int MAX_BATCH = 10;

    /**
     * Sends each of {@code requests} (at most {@link #MAX_BATCH}) as one message. Returns only once every one is
     * on the queue; when some could not be sent it throws, naming them, and those that were sent stay sent.
     */
    void send(List<RefreshRequest> requests);
}
