/** Text normalisation and tokenisation shared by every model (internal). */
package org.parley.core.text;
