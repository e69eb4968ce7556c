/** Training: DL4J fitting, early stopping and threshold tuning (internal, apart from inference). */
package org.parley.core.training;
