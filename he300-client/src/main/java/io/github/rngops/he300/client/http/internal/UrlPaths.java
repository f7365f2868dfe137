package io.github.rngops.he300.client.http.internal;

/** Base-URL path arithmetic the transport and the clients share. */
public final class UrlPaths {

    private UrlPaths() {
    }

    /**
     * {@return {@code path} without its trailing slashes: {@code /api//} becomes {@code /api}, {@code /} the empty
     *     string}
     *
     * @param path an encoded URL path
     */
    public static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
