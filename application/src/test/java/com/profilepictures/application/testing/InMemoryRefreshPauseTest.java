package com.profilepictures.application.testing;

import com.profilepictures.domain.port.RefreshPause;

class InMemoryRefreshPauseTest extends RefreshPauseContract {

    @Override
    protected RefreshPause freshPause() {
        return new InMemoryRefreshPause();
    }
}
