package org.parley.benchmarks;

import java.util.List;

/**
 * One system under test, opened once per JMH trial and shared by every benchmark thread; each
 * thread calls it through its own {@link Worker} (the shared instance when the system is
 * thread-safe, a private one otherwise).
 */
public interface BenchSystem extends AutoCloseable {

    /** A worker for one benchmark thread. */
    Worker newWorker();

    @Override
    void close();

    /** What a benchmark thread calls. Results are returned for the benchmark's Blackhole. */
    interface Worker {
        /** Processes a batch of sentences. */
        Object run(List<String> batch);

        /** Processes one sentence (the single-sentence call where the system has one). */
        default Object runOne(String sentence) {
            return run(List.of(sentence));
        }

        /** A worker from a batch call and a single-sentence call. */
        static Worker of(java.util.function.Function<List<String>, Object> batch, java.util.function.Function<String, Object> one) {
            return new Worker() {
                @Override
                public Object run(List<String> sentences) {
                    return batch.apply(sentences);
                }

                @Override
                public Object runOne(String sentence) {
                    return one.apply(sentence);
                }
            };
        }
    }
}
