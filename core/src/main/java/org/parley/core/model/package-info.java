/** Networks: building, running and holding the DL4J models (internal). */
package org.parley.core.model;
