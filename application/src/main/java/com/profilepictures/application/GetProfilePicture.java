package com.profilepictures.application;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.util.Optional;

/** Looks up the picture stored for an account, in any capitalisation of its handle. */
public final class GetProfilePicture {

    private final ProfilePictureRepository repository;

    public GetProfilePicture(ProfilePictureRepository repository) {
        this.repository = repository;
    }

    public Optional<ProfilePicture> get(Handle handle) {
        return repository.find(handle);
    }
}
