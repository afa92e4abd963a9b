package org.scim2j.examples.sonar.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs {@code n} tasks on {@code n} threads that all wait at one start gate ({@link CountDownLatch}) and are
 * released together, so that their requests overlap as much as a machine allows. Every wait is bounded; no task is
 * timed, and nothing sleeps.
 */
final class Race {

    private Race() {
    }

    /** The results of the tasks, in task order; a task that throws fails the race. */
    static <T> List<T> run(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Callable<T> callable = task.apply(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    if (!go.await(1, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the start gate never opened");
                    }
                    return callable.call();
                }));
            }
            if (!ready.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all " + n + " racers reached the start gate");
            }
            go.countDown();
            List<T> results = new ArrayList<>(n);
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("racers still running after the race");
            }
        }
    }
}
