/** Reading corpora and gold-standard files (internal). */
package org.parley.core.corpus;
