package com.profilepictures.application;

import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.ProfilePictureRepository;

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
