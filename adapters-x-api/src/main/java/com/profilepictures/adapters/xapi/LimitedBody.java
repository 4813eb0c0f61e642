package com.profilepictures.adapters.xapi;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a cap and no further: past the cap the rest is not read at all (the
 * connection is dropped), so an answer that never ends costs the cap and no more.
 *
 * @param bytes     what was read, at most the cap
 * @param truncated whether the body went on past the cap (or was not read: see {@link #skipped})
 */
record LimitedBody(byte[] bytes, boolean truncated) {

    /** Reads at most {@code maxBytes} of the body. */
    static BodySubscriber<LimitedBody> upTo(int maxBytes) {
        return new Subscriber(maxBytes);
    }

    /** Reads none of it: for a status whose body is of no use (an error, a rate limit). */
    static BodySubscriber<LimitedBody> skipped() {
        return new Subscriber(0);
    }

    private static final class Subscriber implements BodySubscriber<LimitedBody> {

        private final int maxBytes;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final CompletableFuture<LimitedBody> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<LimitedBody> getBody() {
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
            body.complete(new LimitedBody(read.toByteArray(), false));
        }

        private void stop() {
            subscription.cancel();
            body.complete(new LimitedBody(read.toByteArray(), true));
        }
    }
}
