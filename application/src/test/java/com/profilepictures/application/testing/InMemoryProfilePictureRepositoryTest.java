package com.profilepictures.application.testing;

import com.profilepictures.domain.port.ProfilePictureRepository;

class InMemoryProfilePictureRepositoryTest extends ProfilePictureRepositoryContract {

    @Override
    protected ProfilePictureRepository emptyRepository() {
        return new InMemoryProfilePictureRepository();
    }
}
