package org.anxin.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.anxin.gateway.TestKeystore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the gateway's PKCS12 keystore, made by the JDK's keytool, and each way it can fail. */
class TlsIdentityTest {
    private static final String PASSWORD = "right-password-4711";

    @TempDir
    static Path dir;

    private static Path keystore;

    @BeforeAll
    static void makeKeystore() throws Exception {
        keystore = TestKeystore.generate(dir, PASSWORD);
    }

    @Test
    void offersOnlyTls13AndTls12AsAServer() {
        TlsIdentity identity = TlsIdentity.load(keystore, PASSWORD);

        assertThat(identity.context().isServer()).isTrue();
        assertThat(identity.context().newEngine(ByteBufAllocator.DEFAULT).getEnabledProtocols())
                .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(identity.certificate()).startsWith("CN=localhost, valid until ");
    }

    @Test
    void refusesAWrongPasswordWithoutShowingEitherPassword() {
        assertThatThrownBy(() -> TlsIdentity.load(keystore, "wrong-password-0815"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ANXIN_TLS_KEYSTORE " + keystore + " cannot be read: ")
                .hasMessageContaining("password was incorrect")
                .hasMessageContaining("ANXIN_TLS_KEYSTORE_PASSWORD")
                .message()
                .doesNotContain("wrong-password-0815")
                .doesNotContain(PASSWORD);
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> TlsIdentity.load(missing, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_TLS_KEYSTORE " + missing + " cannot be read: no such file");
    }

    @Test
    void refusesAFileThatIsNoKeystore() throws Exception {
        Path pem = dir.resolve("gateway.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TlsIdentity.load(pem, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ANXIN_TLS_KEYSTORE " + pem + " cannot be read: ")
                .hasMessageEndingWith("(is it a PKCS12 keystore?)");
    }

    @Test
    void refusesAKeystoreWithACertificateButNoKey() throws Exception {
        Path trustStore = dir.resolve("certificate-only.p12");
        KeyStore certificateOnly = TestKeystore.certificateOnly(keystore, PASSWORD);
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            certificateOnly.store(out, PASSWORD.toCharArray());
        }

        assertThatThrownBy(() -> TlsIdentity.load(trustStore, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANXIN_TLS_KEYSTORE " + trustStore + " cannot be read: it holds no private key");
    }
}
