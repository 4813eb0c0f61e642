package com.profilepictures.adapters.dynamodb.archfixture;

/** Deliberately bad: configuration is read once, in bootstrap. Only ArchitectureTest imports it. */
public final class RepositoryReadingEnvironment {
    public String tableName() {
        return System.getenv("TABLE_NAME");
    }

    public int variables() {
        return System.getenv().size();
    }
}
