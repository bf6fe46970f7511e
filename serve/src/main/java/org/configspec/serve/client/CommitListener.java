package org.configspec.serve.client;

/** Told about every token as it is committed (to stream text). */
@FunctionalInterface
public interface CommitListener {
    void committed(int token);
}
