package com.profilepictures.domain.archfixture;

import com.google.gson.Gson;

/** Deliberately bad: the domain must not use a library. Only ArchitectureTest imports it. */
public final class DomainClassUsingGson {
    public String toJson(Object value) {
        return new Gson().toJson(value);
    }
}
