package org.configspec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
record Run(int code, String out, String err) {
    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Splits a command line at spaces; '~' stands for a space inside an argument ("RPi~5"). */
    static Run line(String commandLine) {
        String[] args = commandLine.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace('~', ' ');
        }
        return of(args);
    }
}
