package org.anxin.platform.system;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code admin} account. {@code ANXIN_ADMIN_PASSWORD} sets its password at every start;
 * without it a first start makes a random password and shows it once, on the terminal (never in a
 * log). There is no default.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final String configuredPassword;

    private final Path dataDir;

    AdminBootstrap(Accounts accounts, SystemProperties properties) {
        this.accounts = accounts;
        this.dataDir = properties.dataDir();
        this.configuredPassword = properties.adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            // at least 8 characters: checked at start (SystemProperties)
            accounts.setPassword("admin", Role.ADMIN, configuredPassword);
            log.info("admin password set from ANXIN_ADMIN_PASSWORD");
        } else if (!accounts.exists("admin")) {
            String generated = randomPassword();
            accounts.setPassword("admin", Role.ADMIN, generated);
            show(generated);
        }
    }

    /**
     * The generated password goes to the terminal, never through the logger (whose output is kept
     * in log files). Without a terminal (output redirected to a file) it goes to a file in the data
     * directory that only this user can read, and the log names the file.
     */
    private void show(String generated) {
        String text = "\n==============================================================\n"
                + "  First start: created user 'admin' with password " + generated + "\n"
                + "  It is shown only this once. Set ANXIN_ADMIN_PASSWORD to choose one.\n"
                + "==============================================================\n";
        Console console = System.console();
        if (console != null) {
            console.writer().print(text);
            console.flush();
            log.warn("first start: created user 'admin'; its password was printed on the terminal");
            return;
        }
        Path file = dataDir.resolve("admin-password.txt");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n");
            log.warn(
                    "first start: created user 'admin'; no terminal, so its password is in {} (readable by this"
                            + " user only): sign in, change it, delete the file",
                    file);
        } catch (IOException | UnsupportedOperationException e) {
            log.error(
                    "first start: created user 'admin' but could not write its password to {} ({}); set"
                            + " ANXIN_ADMIN_PASSWORD and restart",
                    file,
                    e.toString());
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
