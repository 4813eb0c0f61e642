package com.profilepictures.domain.archfixture;

/** Deliberately bad: a port of the domain outside {@code domain.port}. Only ArchitectureTest imports it. */
public interface PortOutsideThePortPackage {

    void reachOut();
}
