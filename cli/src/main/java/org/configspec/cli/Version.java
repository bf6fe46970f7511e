package org.configspec.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line: ConfigSpec's own version and the Java runtime. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"configspec " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
    }
}
