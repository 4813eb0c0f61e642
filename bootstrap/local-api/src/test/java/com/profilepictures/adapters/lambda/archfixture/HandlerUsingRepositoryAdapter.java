package com.profilepictures.adapters.lambda.archfixture;

import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;

/** Deliberately bad: one adapter must not reach into another. Only ArchitectureTest imports it. */
public final class HandlerUsingRepositoryAdapter {
    private final DynamoDbProfilePictureRepository repository;

    public HandlerUsingRepositoryAdapter(DynamoDbProfilePictureRepository repository) {
        this.repository = repository;
    }

    public Object repository() {
        return repository;
    }
}
