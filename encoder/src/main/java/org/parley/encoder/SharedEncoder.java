package org.parley.encoder;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An encoder shared by several classifiers: each holder acquires it once and releases it once,
 * and the encoder is closed when the last holder releases it. Thread-safe.
 */
final class SharedEncoder {

    private final SentenceEncoder encoder;
    private final AtomicInteger holders = new AtomicInteger(1);

    /** Wraps {@code encoder} with one holder, the caller. */
    SharedEncoder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    SentenceEncoder get() {
        return encoder;
    }

    /** Adds a holder; fails if the encoder was already closed. */
    SharedEncoder acquire() {
        holders.updateAndGet(n -> {
            if (n <= 0) {
                throw new IllegalStateException("The encoder has been closed");
            }
            return n + 1;
        });
        return this;
    }

    /** Removes a holder, closing the encoder when none is left. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            encoder.close();
        }
    }
}
