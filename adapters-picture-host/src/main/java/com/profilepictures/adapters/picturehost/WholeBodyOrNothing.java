package com.profilepictures.adapters.picturehost;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read whole, or not at all: once more than {@code limit} bytes have come, the download is
 * cancelled (the connection dropped) and nothing of it is kept, so a host sending too much costs neither memory
 * nor time, and no picture is ever a truncated one.
 * A body not wanted at all (an error's, or one declared too long) is not read: see {@link #skipped}.
 */
final class WholeBodyOrNothing implements HttpResponse.BodySubscriber<WholeBodyOrNothing.Read> {

    /** What was read, and whether the body went on past the limit. */
    record Read(byte[] bytes, boolean overLimit) {}

    private final long limit;
    private final Read skipped;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Read> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private WholeBodyOrNothing(long limit, Read skipped) {
        this.limit = limit;
        this.skipped = skipped;
    }

    /** Reads at most {@code limit} bytes. */
    static WholeBodyOrNothing upTo(long limit) {
        return new WholeBodyOrNothing(limit, null);
    }

    /** Reads nothing; {@code overLimit} says whether the body is known to be too long. */
    static WholeBodyOrNothing skipped(boolean overLimit) {
        return new WholeBodyOrNothing(-1, new Read(new byte[0], overLimit));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (skipped != null) {
            subscription.cancel();
            result.complete(skipped);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
        if (bytes.size() > limit) {
            subscription.cancel();
            result.complete(new Read(new byte[0], true));
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Read(bytes.toByteArray(), false));
    }

    @Override
    public CompletionStage<Read> getBody() {
        return result;
    }
}
