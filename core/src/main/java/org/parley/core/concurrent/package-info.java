/** Parallel work with ordered, bounded results. */
package org.parley.core.concurrent;
