package com.profilepictures.httpexchange;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first bytes of a response body, up to a cap, and whether there were more: past the cap the rest is not
 * read at all (the connection is dropped), so a page or an answer that never ends costs the cap and no more.
 * What fitted is kept. (The picture host's {@code WholeBodyOrNothing} keeps nothing of a body over its limit.)
 *
 * @param bytes     what was read, at most the cap
 * @param truncated whether the body went on past the cap (or was not read: see {@link #skipped})
 */
public record BodyPrefix(byte[] bytes, boolean truncated) {

    /** Reads at most {@code maxBytes} of the body. */
    public static BodySubscriber<BodyPrefix> upTo(int maxBytes) {
        return new Subscriber(maxBytes);
    }

    /**
     * {@code maxBytes}, a cap to read bodies up to, if it is positive.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static int checkedCap(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        return maxBytes;
    }

    /** Reads none of it: for a status whose body is of no use (an error, a redirect, a rate limit). */
    public static BodySubscriber<BodyPrefix> skipped() {
        return new Subscriber(0);
    }

    private static final class Subscriber implements BodySubscriber<BodyPrefix> {

        private final int maxBytes;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final CompletableFuture<BodyPrefix> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<BodyPrefix> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (maxBytes == 0) {
                stop();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return; // already stopped; what was in flight is dropped
            }
            for (ByteBuffer buffer : buffers) {
                int room = maxBytes - read.size();
                if (buffer.remaining() > room) {
                    stop();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                read.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(new BodyPrefix(read.toByteArray(), false));
        }

        private void stop() {
            subscription.cancel();
            body.complete(new BodyPrefix(read.toByteArray(), true));
        }
    }
}
