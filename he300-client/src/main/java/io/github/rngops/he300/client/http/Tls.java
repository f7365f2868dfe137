package io.github.rngops.he300.client.http;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Trust: the JDK's CAs, plus those of an optional PEM bundle (for a self-signed host). Certificate and host name
 * verification stay on; there is deliberately no way to turn them off.
 */
final class Tls {
    private Tls() {
    }

    static void trustExtraCas(OkHttpClient.Builder builder, Path pemBundle) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : x509(trustManager(null)).getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + i++, ca);
            }
            Collection<? extends Certificate> extra = read(pemBundle);
            for (Certificate ca : extra) {
                store.setCertificateEntry("bundle-" + i++, ca);
            }
            X509TrustManager trust = x509(trustManager(store));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("caBundle " + pemBundle + " could not be used: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> read(Path pemBundle) throws IOException,
            GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("caBundle " + pemBundle + " holds no PEM certificate");
            }
            return certificates;
        }
    }

    private static TrustManager[] trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager) {
                return (X509TrustManager) manager;
            }
        }
        throw new IllegalStateException("the JDK offers no X509TrustManager");
    }
}
