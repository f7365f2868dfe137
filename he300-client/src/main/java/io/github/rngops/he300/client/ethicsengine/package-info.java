/**
 * The EthicsEngine Enterprise client: {@link io.github.rngops.he300.client.ethicsengine.EthicsEngineClient} and the
 * records it returns. Everything is non-null unless its Javadoc says otherwise.
 */
package io.github.rngops.he300.client.ethicsengine;
