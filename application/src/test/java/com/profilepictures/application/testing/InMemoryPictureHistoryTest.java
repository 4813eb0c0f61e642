package com.profilepictures.application.testing;

import com.profilepictures.domain.port.PictureHistory;

class InMemoryPictureHistoryTest extends PictureHistoryContract {

    @Override
    protected PictureHistory emptyHistory() {
        return new InMemoryPictureHistory();
    }
}
