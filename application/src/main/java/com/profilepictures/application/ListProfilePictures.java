package com.profilepictures.application;

import com.profilepictures.domain.Page;
import com.profilepictures.domain.PageCursor;
import com.profilepictures.domain.PageRequest;
import com.profilepictures.domain.ProfilePicture;
import com.profilepictures.domain.ProfilePictureRepository;

/** Pages through every stored picture, a page at a time, in no particular order. */
public final class ListProfilePictures {

    private final ProfilePictureRepository repository;

    public ListProfilePictures(ProfilePictureRepository repository) {
        this.repository = repository;
    }

    public Page<ProfilePicture, PageCursor> list(PageRequest<PageCursor> request) {
        return repository.list(request);
    }
}
