package org.parley.core;

/** The fast kind keeps the classifier contract. */
class FastClassifierContractTest extends ClassifierContract {

    private final StanceClassifier clf = TestModels.random(3);

    @Override
    protected StanceClassifier classifier() {
        return clf;
    }

    @Override
    protected StanceClassifier freshClassifier() {
        return TestModels.random(4);
    }
}
