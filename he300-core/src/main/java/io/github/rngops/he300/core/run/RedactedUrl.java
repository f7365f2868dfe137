package io.github.rngops.he300.core.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** A URL fit to record: no user info, and no query parameter whose name suggests a secret. */
final class RedactedUrl {

    private static final Pattern SECRET = Pattern.compile(
            ".*(key|token|secret|password|passwd|pwd|auth|signature|sig|credential|session).*");

    private RedactedUrl() {
    }

    /** {@code url} without credentials; a string that is not a URI is kept only up to any {@code @} or {@code ?}. */
    static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*", "");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            return uri.getRawQuery() == null ? uri.toString() : uri.toString().replaceAll("\\?.*", "");
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(hostAndPort(uri));
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        String query = safeQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String hostAndPort(URI uri) {
        String authority = uri.getRawAuthority();
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static String safeQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!SECRET.matcher(name).matches()) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }
}
