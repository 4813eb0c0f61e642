package com.profilepictures.adapters.lambda.archfixture;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.util.Optional;

/** Deliberately bad: a handler that reads the repository itself instead of calling a use case. Only ArchitectureTest imports it. */
public final class HandlerCallingRepository {
    private final ProfilePictureRepository repository;

    public HandlerCallingRepository(ProfilePictureRepository repository) {
        this.repository = repository;
    }

    public Optional<ProfilePicture> handle(String handle) {
        return repository.find(Handle.of(handle));
    }
}
