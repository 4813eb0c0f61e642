package com.profilepictures.archfixture.cycle.b;

import com.profilepictures.archfixture.cycle.a.A;

/** Deliberately bad: the other half of a package cycle. Only ArchitectureTest imports it. */
public final class B {
    public A back() {
        return new A();
    }
}
