/**
 * Parley's public API: load a {@link org.parley.core.StanceClassifier} with
 * {@link org.parley.core.Parley#load()}, classify sentences into {@link org.parley.core.Prediction}s,
 * evaluate with {@link org.parley.core.Evaluation}, and train on a {@link org.parley.core.Corpus}.
 * Sub-packages are internal: text → features → model → prediction, with corpus reading, training
 * and the archive format apart from inference.
 */
package org.parley.core;
