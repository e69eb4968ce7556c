/** Bounded parsing of untrusted JSON and safe rendering of untrusted values in messages. */
package org.parley.core.json;
