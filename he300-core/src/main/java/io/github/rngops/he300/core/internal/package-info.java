/**
 * Machinery he300's own modules share, not API: Python's whitespace rules ({@code PythonText}), the reader's
 * account of a JSON document that does not fit ({@code JsonProblem}), the machine's name without a DNS lookup
 * ({@code HostName}). Left out of the javadoc and of the release's API comparison, so it may change in any release.
 */
package io.github.rngops.he300.core.internal;
