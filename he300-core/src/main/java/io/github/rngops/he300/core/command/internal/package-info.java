/**
 * Machinery the command runners of he300's modules share, not API: {@code LineSink}, the output side of a local or
 * SSH runner. Left out of the javadoc and of the release's API comparison, so it may change in any release.
 */
package io.github.rngops.he300.core.command.internal;
