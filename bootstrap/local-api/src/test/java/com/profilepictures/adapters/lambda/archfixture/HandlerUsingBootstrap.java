package com.profilepictures.adapters.lambda.archfixture;

import com.profilepictures.bootstrap.Environment;

/** Deliberately bad: dependencies point inward, never from an adapter to bootstrap. Only ArchitectureTest imports it. */
public final class HandlerUsingBootstrap {
    public boolean local() {
        return Environment.current().isSet("DYNAMODB_ENDPOINT");
    }
}
