package org.parley.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/**
 * Share one classifier in a multi-threaded service: load once, classify from many worker threads.
 * {@code StanceClassifier} is thread-safe, so no locking is needed around it.
 */
public final class SharedClassifierService implements AutoCloseable {

    private final StanceClassifier classifier;
    private final ExecutorService workers;

    public SharedClassifierService(String model, int threads) {
        this.classifier = Parley.load(model);
        this.workers = Executors.newFixedThreadPool(threads);
    }

    /** Classifies each request on a worker thread; results come back in request order. */
    public List<Prediction> handle(List<String> requests) throws Exception {
        List<Future<Prediction>> futures = new ArrayList<>();
        for (String r : requests) {
            futures.add(workers.submit(() -> classifier.classify(r)));
        }
        List<Prediction> out = new ArrayList<>();
        for (Future<Prediction> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Override
    public void close() {
        workers.shutdown();
        classifier.close();
    }

    public static void main(String[] args) throws Exception {
        try (SharedClassifierService service = new SharedClassifierService("fast", 4)) {
            List<String> requests = List.of("Norway offered to host a new round of talks.",
                    "The council imposed an arms embargo on the militia.", "Aid convoys reached the besieged town.");
            for (Prediction p : service.handle(requests)) {
                System.out.println(p.labelNames() + "  " + p.text());
            }
        }
    }
}
