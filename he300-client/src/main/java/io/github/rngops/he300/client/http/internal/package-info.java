/**
 * Machinery of the HTTP layer that the client packages share but callers never use: public for those packages
 * only, left out of the javadoc and of the API comparison, and free to change in any release.
 *
 * <p>Everything here is non-null unless its Javadoc says otherwise.
 */
package io.github.rngops.he300.client.http.internal;
