package com.profilepictures.application.testing;

import com.profilepictures.domain.ProfilePictureRepository;

class InMemoryProfilePictureRepositoryTest extends ProfilePictureRepositoryContract {

    @Override
    protected ProfilePictureRepository emptyRepository() {
        return new InMemoryProfilePictureRepository();
    }
}
