package com.profilepictures.application.testing;

import com.profilepictures.domain.port.PictureArchive;
import java.net.URI;
import java.util.Optional;

class InMemoryPictureArchiveTest extends PictureArchiveContract {

    private InMemoryPictureArchive archive;

    @Override
    protected PictureArchive emptyArchive() {
        archive = new InMemoryPictureArchive();
        return archive;
    }

    @Override
    protected Optional<Served> follow(URI presigned) {
        return archive.read(presigned).map(image -> new Served(image.type().mediaType(), image.bytes()));
    }

    @Override
    protected int copies() {
        return archive.size();
    }
}
