/**
 * Explanations shared by model kinds (internal): occlusion over words and short phrases for models
 * that can only be re-scored ({@link org.parley.core.explain.Occlusion}), the phrase chunker it uses,
 * and the ERASER faithfulness measures ({@link org.parley.core.explain.Faithfulness}).
 */
package org.parley.core.explain;
