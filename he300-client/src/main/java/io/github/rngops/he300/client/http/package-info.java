/**
 * The HTTP layer every he300 client is built on: one {@link io.github.rngops.he300.client.http.HttpTransport} per
 * client (one OkHttp client, JSON ↔ records through Jackson, auth as interceptors, retry and circuit breaking from
 * resilience4j wrapped once around each call) and one exception type,
 * {@link io.github.rngops.he300.client.http.ClientException}, that carries the facts of a failure.
 *
 * <p>Everything here is non-null unless its Javadoc says otherwise. See {@code docs/CLIENT-LAYER.md} for how to
 * write a client on this layer.
 */
package io.github.rngops.he300.client.http;
