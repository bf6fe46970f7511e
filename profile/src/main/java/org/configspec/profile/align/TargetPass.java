package org.configspec.profile.align;

/** Produces the target's greedy continuation of a prompt: the one target pass per prompt of the profiling. */
public interface TargetPass {
    Continuation continuation(int[] prompt, int tokens);
}
