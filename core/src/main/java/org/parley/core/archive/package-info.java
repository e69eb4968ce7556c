/** The model archive format: a validated zip with a JSON manifest and float arrays (internal). */
package org.parley.core.archive;
