package org.parley.core.spi;

import org.parley.core.StanceClassifier;
import org.parley.core.archive.ModelArchive;

/**
 * A family of models that another module provides (registered with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/org.parley.core.spi.ModelKind}). {@link org.parley.core.Parley}
 * dispatches on the archive's {@code kind} field. The archive names the kind, never a class.
 * Implementations must be thread-safe.
 */
public interface ModelKind {

    /** The value of the manifest's {@code kind} field this provider reads. */
    String kind();

    /**
     * Rebuilds a classifier from a validated archive.
     *
     * @throws org.parley.core.ModelFormatException if the archive's contents do not make a model
     */
    StanceClassifier load(ModelArchive.Contents contents);
}
