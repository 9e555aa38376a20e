package org.anxin.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed gateway certificate made by the JDK's own keytool, the way {@code ./anxin demo} makes one. */
public final class TestKeystore {
    public static final String ALIAS = "anxin-gateway";

    private TestKeystore() {}

    /** A PKCS12 keystore {@code gateway.p12} in {@code dir}: an EC key and its certificate for localhost. */
    public static Path generate(Path dir, String password) throws IOException, InterruptedException {
        Path keystore = dir.resolve("gateway.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        ALIAS,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "825",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(keystore)) {
            process.destroyForcibly();
            throw new IOException("keytool did not make " + keystore + ": " + output);
        }
        return keystore;
    }

    /** A keystore holding only the certificate of {@code keystore}, as a trust store holds it. */
    public static KeyStore certificateOnly(Path keystore, String password)
            throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            source.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, source.getCertificate(ALIAS));
        return trusted;
    }

    /** Client sockets that trust exactly the certificate in {@code keystore} and nothing else. */
    public static SSLSocketFactory trusting(Path keystore, String password)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificateOnly(keystore, password));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls.getSocketFactory();
    }
}
