package org.parley.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.parley.core.StanceClassifier;

/**
 * The models of this JVM (an executor, or the driver in local mode): each loaded lazily, once, on the
 * first task that needs it, then shared by every task thread of the executor (the classifiers are
 * thread-safe). Models stay loaded for the life of the executor; {@link #closeAll()} releases them.
 */
public final class ExecutorModels {

    private static final Map<String, StanceClassifier> MODELS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOADS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** The model, loaded on first use in this JVM; concurrent first calls load it once. */
    public static StanceClassifier get(ModelRef ref) {
        StanceClassifier clf = MODELS.get(ref.key());
        if (clf != null) {
            return clf;
        }
        return MODELS.computeIfAbsent(ref.key(), k -> {
            LOADS.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            return ref.load();
        });
    }

    /** How many times this JVM has loaded the model (1 once it is in use, unless {@link #closeAll()} ran since). */
    public static int loads(ModelRef ref) {
        AtomicInteger n = LOADS.get(ref.key());
        return n == null ? 0 : n.get();
    }

    /** Whether this JVM holds the model. */
    public static boolean isLoaded(ModelRef ref) {
        return MODELS.containsKey(ref.key());
    }

    /** Closes and forgets every model of this JVM. */
    public static synchronized void closeAll() {
        for (String k : MODELS.keySet()) {
            StanceClassifier c = MODELS.remove(k);
            if (c != null) {
                c.close();
            }
        }
        LOADS.clear();
    }
}
