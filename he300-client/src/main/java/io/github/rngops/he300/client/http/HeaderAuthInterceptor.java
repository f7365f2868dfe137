package io.github.rngops.he300.client.http;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/** Adds one header with a fixed secret value to every request. */
final class HeaderAuthInterceptor implements Interceptor {
    private final String name;
    private final String value;

    HeaderAuthInterceptor(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header(name, value).build());
    }

    @Override
    public String toString() {
        return "HeaderAuthInterceptor[" + name + "]";
    }
}
