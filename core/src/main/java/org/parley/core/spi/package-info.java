/** Extension point for model families provided by other modules (internal SPI). */
package org.parley.core.spi;
