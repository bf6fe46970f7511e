package org.configspec.profile.power;

/** What a command printed (stdout and stderr together) and its exit code. */
public record CommandResult(int exitCode, String output) {
    public CommandResult {
        output = output == null ? "" : output;
    }
}
