package org.parley.encoder;

import org.parley.core.StanceClassifier;
import org.parley.core.archive.ModelArchive;
import org.parley.core.spi.ModelKind;

/** Registers {@link EncoderClassifier} archives with {@link org.parley.core.Parley}. Thread-safe. */
public final class EncoderModelKind implements ModelKind {

    @Override
    public String kind() {
        return EncoderClassifier.KIND;
    }

    @Override
    public StanceClassifier load(ModelArchive.Contents contents) {
        return EncoderClassifier.fromArchive(contents);
    }
}
