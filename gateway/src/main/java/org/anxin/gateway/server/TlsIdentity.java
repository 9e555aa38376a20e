package org.anxin.gateway.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * The gateway's TLS identity: the server key and certificate chain from a PKCS12 keystore, as a
 * Netty server context that offers TLS 1.3 and 1.2 only.
 *
 * @param certificate the leaf certificate's subject and expiry, for the start log
 */
record TlsIdentity(SslContext context, String certificate) {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Reads the keystore; anything that keeps it from serving TLS is an IllegalArgumentException
     * naming the file and why, never the password.
     */
    static TlsIdentity load(Path keystore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, secret);
            }
            String alias = keyAlias(store);
            if (alias == null) {
                throw unreadable(keystore, "it holds no private key", null);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SslContext context =
                    SslContextBuilder.forServer(keys).protocols(PROTOCOLS).build();
            return new TlsIdentity(context, describe(store.getCertificate(alias)));
        } catch (NoSuchFileException e) {
            throw unreadable(keystore, "no such file", e);
        } catch (AccessDeniedException e) {
            throw unreadable(keystore, "permission denied", e);
        } catch (IOException | GeneralSecurityException e) {
            throw unreadable(keystore, reason(e), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static String keyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e.getCause() instanceof UnrecoverableKeyException || e instanceof UnrecoverableKeyException) {
            // PKCS12 says "keystore password was incorrect"; a key with its own password fails here too
            return e.getMessage() + " (ANXIN_TLS_KEYSTORE_PASSWORD opens the keystore and its key)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message + " (is it a PKCS12 keystore?)";
    }

    private static IllegalArgumentException unreadable(Path keystore, String reason, Exception cause) {
        return new IllegalArgumentException("ANXIN_TLS_KEYSTORE " + keystore + " cannot be read: " + reason, cause);
    }

    private static String describe(Certificate certificate) {
        if (certificate instanceof X509Certificate x509) {
            return x509.getSubjectX500Principal().getName() + ", valid until "
                    + x509.getNotAfter().toInstant();
        }
        return certificate == null ? "no certificate" : certificate.getType() + " certificate";
    }
}
