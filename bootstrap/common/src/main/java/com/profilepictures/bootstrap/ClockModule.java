package com.profilepictures.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;

/** The time every use case reads: the system's, in UTC. Tests build use cases with a fixed clock instead. */
@Module
public final class ClockModule {

    private ClockModule() {}

    @Provides
    static Clock clock() {
        return Clock.systemUTC();
    }
}
