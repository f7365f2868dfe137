package io.github.rngops.he300.client.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Remembers whether OkHttp began to write a request: until then, the request surely never reached the server and
 * even a non-idempotent one may be sent again. Attached to each request as a tag.
 */
final class SendMarker {
    private volatile boolean sent;

    boolean sent() {
        return sent;
    }

    /** The listener that sets the marker of each call's request. */
    static EventListener.Factory listenerFactory() {
        return call -> new EventListener() {
            @Override
            public void requestHeadersStart(Call c) {
                SendMarker marker = c.request().tag(SendMarker.class);
                if (marker != null) {
                    marker.sent = true;
                }
            }
        };
    }
}
