package org.parley.models;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.core.ClassifierContract;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** The shipped default (encoder) model keeps the classifier contract. */
class DefaultClassifierContractTest extends ClassifierContract {

    private static StanceClassifier clf;

    @BeforeAll
    static void load() {
        clf = Parley.load();
    }

    @AfterAll
    static void close() {
        clf.close();
    }

    @Override
    protected StanceClassifier classifier() {
        return clf;
    }

    @Override
    protected StanceClassifier freshClassifier() {
        return Parley.load();
    }

    @Override
    protected int concurrencySentences() {
        return 240;
    }
}
