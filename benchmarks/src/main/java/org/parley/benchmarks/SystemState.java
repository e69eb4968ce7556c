package org.parley.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** JMH state: the system under test, loaded once per trial and shared by all benchmark threads. */
@State(Scope.Benchmark)
public class SystemState {

    @Param({Systems.FAST, Systems.DEFAULT, Systems.OPENNLP, Systems.LEXICON, Systems.ENCODER})
    public String system;

    BenchSystem loaded;

    @Setup(Level.Trial)
    public void open() {
        loaded = Systems.open(system);
    }

    @TearDown(Level.Trial)
    public void close() {
        loaded.close();
    }

    /** JMH state: one thread's worker and its position in the rotation of inputs. */
    @State(Scope.Thread)
    public static class PerThread {
        BenchSystem.Worker worker;
        private int next;

        @Setup(Level.Trial)
        public void open(SystemState shared) {
            worker = shared.loaded.newWorker();
        }

        /** The next index in {@code [0, n)}, round robin. */
        int next(int n) {
            int i = next;
            next = (next + 1) % n;
            return i;
        }
    }
}
