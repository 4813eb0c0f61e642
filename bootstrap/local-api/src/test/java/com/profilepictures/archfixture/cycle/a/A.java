package com.profilepictures.archfixture.cycle.a;

import com.profilepictures.archfixture.cycle.b.B;

/** Deliberately bad: half of a package cycle. Only ArchitectureTest imports it. */
public final class A {
    public B next() {
        return new B();
    }
}
