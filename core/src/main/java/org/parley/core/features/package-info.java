/** Feature extraction: sentences to hashed n-gram ids (internal). */
package org.parley.core.features;
