/**
 * The CIRISNode client: {@link io.github.rngops.he300.client.cirisnode.CirisNodeClient}, the records it returns, and
 * how it waits for benchmark jobs. Everything is non-null unless its Javadoc says otherwise.
 */
package io.github.rngops.he300.client.cirisnode;
