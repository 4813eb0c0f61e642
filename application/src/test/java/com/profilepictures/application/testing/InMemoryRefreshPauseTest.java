package com.profilepictures.application.testing;

import com.profilepictures.domain.RefreshPause;

class InMemoryRefreshPauseTest extends RefreshPauseContract {

    @Override
    protected RefreshPause freshPause() {
        return new InMemoryRefreshPause();
    }
}
