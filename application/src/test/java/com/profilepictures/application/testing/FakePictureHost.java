package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * X's image host without a network: it answers each picture with what the test told it (404 for any
 * other) and maps statuses as the HTTP adapter does, which {@link PictureHostContract} holds both to. It
 * records which pictures it was asked for.
 */
public final class FakePictureHost implements PictureHost {

    private record Answer(int status, String contentType, byte[] body) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<PictureUrl> requested = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    /** The host answers {@code picture} with {@code status}, {@code contentType} (none if null) and {@code body}. */
    public FakePictureHost answer(PictureUrl picture, int status, String contentType, byte[] body) {
        answers.put(picture.value(), new Answer(status, contentType, body.clone()));
        return this;
    }

    /** The host serves {@code body} as {@code contentType} for {@code picture}. */
    public FakePictureHost serve(PictureUrl picture, String contentType, byte[] body) {
        return answer(picture, 200, contentType, body);
    }

    /** The host cannot be reached from now on, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Every picture asked for, in order. */
    public List<PictureUrl> requested() {
        return List.copyOf(requested);
    }

    @Override
    public PictureDownload download(PictureUrl picture) {
        requested.add(picture);
        if (down) {
            throw new PictureHostUnavailableException("The fake image host is down (test fault).", null);
        }
        Answer answer = answers.getOrDefault(picture.value(), new Answer(404, "text/html", new byte[0]));
        int status = answer.status();
        if (status == 408 || status == 429 || status >= 500) {
            throw new PictureHostUnavailableException("The fake image host answered " + status + ".", null);
        }
        if (status != 200) {
            return new PictureDownload.Refused("X's image host answered " + status + " for " + picture + ".");
        }
        if (answer.body().length > Image.MAX_BYTES) {
            return new PictureDownload.Refused(
                    "X's image host sent more than " + Image.MAX_BYTES + " bytes for " + picture + ".");
        }
        return new PictureDownload.Downloaded(answer.contentType(), answer.body());
    }
}
