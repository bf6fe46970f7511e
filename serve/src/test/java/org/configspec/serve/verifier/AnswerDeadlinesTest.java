package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The verifier's answer deadline: an answer not given in time fails with a timeout, one given in time is left alone. */
class AnswerDeadlinesTest {

    @Test
    void anAnswerNotGivenInTimeFailsWithATimeoutAndNotBefore() throws Exception {
        try (AnswerDeadlines d = new AnswerDeadlines(Duration.ofMillis(200), Duration.ofMillis(20))) {
            CompletableFuture<String> answered = d.watch(new CompletableFuture<>());
            long start = System.nanoTime();
            CompletableFuture<String> silent = d.watch(new CompletableFuture<>());
            answered.complete("ok");
            assertThatThrownBy(() -> silent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TimeoutException.class).hasMessage("no answer within 200 ms");
            assertThat(System.nanoTime() - start).as("not failed before its time")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(answered.get()).isEqualTo("ok");
        }
    }

    @Test
    void answersGivenInTimeAreLeftAloneAndForgotten() throws Exception {
        try (AnswerDeadlines d = new AnswerDeadlines(Duration.ofSeconds(60), Duration.ofMillis(10))) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                answers.add(d.watch(new CompletableFuture<>()));
            }
            CompletableFuture<Integer> open = d.watch(new CompletableFuture<>());
            for (int i = 0; i < answers.size(); i++) {
                answers.get(i).complete(i);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (d.watched() > 1 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(d.watched()).as("only the open answer is still watched").isEqualTo(1);
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(i);
            }
            assertThat(open).isNotDone();
        }
    }
}
