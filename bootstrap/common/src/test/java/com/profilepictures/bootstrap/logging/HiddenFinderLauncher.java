package com.profilepictures.bootstrap.logging;

import java.lang.System.Logger.Level;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * What Lambda's managed runtime does with a function's jar, in a JVM of its own: the jar is loaded by a class
 * loader of its own (its {@code CustomerClassLoader}), not from the system class path, so the JDK never sees
 * its logger finder (so this class names it only as a string). Then it calls what an entry class calls first, and logs as a handler does.
 */
public final class HiddenFinderLauncher {

    private HiddenFinderLauncher() {}

    public static void main(String[] functionClassPath) throws Exception {
        URL[] urls = new URL[functionClassPath.length];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(functionClassPath[i]).toUri().toURL();
        }
        try (URLClassLoader function = new URLClassLoader(urls, ClassLoader.getSystemClassLoader())) {
            Class.forName("com.profilepictures.bootstrap.logging.JsonLoggerFinder", true, function)
                    .getMethod("install")
                    .invoke(null);
            System.out.println(
                    "FINDER " + System.LoggerFinder.getLoggerFinder().getClass().getName());
            System.Logger logger = System.getLogger("hidden");
            logger.log(Level.INFO, (ResourceBundle) null, "{0}", Map.of("requestId", "hidden-1", "status", 200));
            logger.log(Level.WARNING, "plain {0}", "words");
            logger.log(Level.DEBUG, "below the threshold");
        }
    }
}
