package io.github.rngops.he300.client.http;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

/** Sorts an {@link IOException} from OkHttp into a {@link ClientException.Kind}. */
final class Failures {
    private Failures() {
    }

    static ClientException.Kind kind(IOException e) {
        if (causedBy(e, SSLHandshakeException.class) || causedBy(e, SSLPeerUnverifiedException.class)
                || causedBy(e, CertificateException.class)) {
            return ClientException.Kind.TLS;
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, NoRouteToHostException.class)) {
            return ClientException.Kind.CONNECT;
        }
        if (e instanceof InterruptedIOException) {
            return ClientException.Kind.TIMEOUT;
        }
        return ClientException.Kind.IO;
    }

    static String describe(IOException e, ClientException.Kind kind) {
        String message = e.getMessage() != null ? e.getMessage() : switch (kind) {
            case TIMEOUT -> "timed out";
            case CONNECT -> "connection refused";
            case TLS -> "the TLS handshake failed";
            default -> "the connection broke";
        };
        if (message.length() > 200) {
            message = message.substring(0, 199) + "…";
        }
        if (kind == ClientException.Kind.TLS) {
            return message + " (is the server's CA in the trust store? give it with caBundle)";
        }
        return message;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
