package io.github.rngops.he300.client.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Logs each exchange at debug: method, path (no query), status, duration. Never headers, never bodies. */
final class LoggingInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            LOG.debug("{} {}{} → {} in {} ms", request.method(), request.url().host() + ":" + request.url().port(),
                    request.url().encodedPath(), response.code(), (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.debug("{} {}{} → {} after {} ms", request.method(), request.url().host() + ":" + request.url().port(),
                    request.url().encodedPath(), e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }
}
