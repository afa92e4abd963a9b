package org.scim2j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Races calls against each other for the concurrency rules: no sleeps, one gate opened once all threads wait. */
final class StartGate {

    /** How many threads race in the concurrency tests. */
    static final int THREADS = 8;

    private StartGate() {
    }

    /**
     * Runs the tasks at once, released together by a start gate, and returns their outcomes in order: the
     * result, or the exception thrown.
     */
    static <V> List<Object> race(List<Callable<V>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<V>> futures = new ArrayList<>();
            for (Callable<V> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<V> future : futures) {
                try {
                    // A guard against a deadlocked store, not a timing assertion.
                    outcomes.add(future.get(1, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a concurrent call did not return within a minute", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
