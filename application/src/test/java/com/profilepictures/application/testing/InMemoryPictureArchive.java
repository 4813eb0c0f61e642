package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.port.ArchiveUnavailableException;
import com.profilepictures.domain.port.PictureArchive;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The archive port in memory. Its presigned URLs use a {@code memory:} scheme that {@link #read(URI)}
 * resolves, so that tests can follow them as a client would follow S3's. It passes the same
 * {@link PictureArchiveContract} as the S3 adapter; {@link #goDown()} makes every call that would reach
 * the store fail as an unreachable one would.
 */
public final class InMemoryPictureArchive implements PictureArchive {

    private static final String SCHEME = "memory";

    private final Map<ImageVersion, Image> images = new ConcurrentHashMap<>();
    private final AtomicInteger puts = new AtomicInteger();
    private volatile boolean down;

    @Override
    public void put(Image image) {
        failIfDown();
        puts.incrementAndGet();
        images.putIfAbsent(image.version(), image);
    }

    @Override
    public URI presign(ImageVersion version, Duration validity) {
        // Signing is local, as S3's presigner's is: no call, so no outage either.
        return URI.create(SCHEME + ":/archive/" + version.sha256() + "?validFor=" + validity.toSeconds());
    }

    /** The image a presigned URL of this archive points at, if it is kept. */
    public Optional<Image> read(URI presigned) {
        if (!SCHEME.equals(presigned.getScheme()) || !presigned.getPath().startsWith("/archive/")) {
            throw new IllegalArgumentException("Not a URL of this archive: " + presigned);
        }
        return Optional.ofNullable(
                images.get(ImageVersion.of(presigned.getPath().substring("/archive/".length()))));
    }

    /** How many copies are kept. */
    public int size() {
        return images.size();
    }

    /** How many times {@link #put} was called. */
    public int puts() {
        return puts.get();
    }

    /** Every call that would reach the store throws {@link ArchiveUnavailableException} from now on, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    private void failIfDown() {
        if (down) {
            throw new ArchiveUnavailableException("The in-memory archive is down (test fault).", null);
        }
    }
}
