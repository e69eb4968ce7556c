package org.parley.core.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps a stream of inputs on several threads and hands the results to a consumer in input order,
 * with at most a bounded number of inputs in flight, so memory stays flat however long the stream.
 * The consumer runs on the calling thread (so output order and I/O errors stay with the caller); the
 * first failure of the function or the consumer stops the run and is rethrown. Thread-safe
 * (stateless).
 */
public final class OrderedParallel {

    /** The number of threads that uses every core of this machine. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private OrderedParallel() {
    }

    /**
     * Applies {@code fn} to every input on {@code threads} threads and passes the results to
     * {@code sink} in input order. With one thread, everything runs on the calling thread.
     *
     * @param threads     worker threads, at least 1
     * @param maxInFlight most inputs read but not yet consumed, at least {@code threads}
     * @throws RuntimeException the first exception {@code fn} or {@code sink} threw (checked ones wrapped)
     */
    public static <I, O> void map(Iterator<I> inputs, Function<? super I, ? extends O> fn, int threads, int maxInFlight,
                                  Consumer<? super O> sink) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(sink, "sink");
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        if (maxInFlight < threads) {
            throw new IllegalArgumentException("maxInFlight (" + maxInFlight + ") must be at least threads (" + threads + ")");
        }
        if (threads == 1) {
            while (inputs.hasNext()) {
                sink.accept(fn.apply(inputs.next()));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<? extends O>> inFlight = new ArrayDeque<>();
        try {
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                while (inFlight.size() < maxInFlight && inputs.hasNext()) {
                    I in = inputs.next();
                    inFlight.addLast(pool.submit(() -> fn.apply(in)));
                }
                sink.accept(await(inFlight.removeFirst()));
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static <O> O await(Future<O> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "parley-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
