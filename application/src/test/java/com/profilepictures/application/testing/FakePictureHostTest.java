package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHost;

class FakePictureHostTest extends PictureHostContract {

    private final FakePictureHost host = new FakePictureHost();

    @Override
    protected PictureHost host() {
        return host;
    }

    @Override
    protected void answer(PictureUrl picture, int status, String contentType, byte[] body) {
        host.answer(picture, status, contentType, body);
    }

    @Override
    protected PictureHost unreachableHost() {
        var unreachable = new FakePictureHost();
        unreachable.goDown();
        return unreachable;
    }
}
