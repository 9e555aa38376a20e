package org.anxin.platform.system;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code admin} account. {@code ANXIN_ADMIN_PASSWORD} sets its password at every start;
 * without it a first start makes a random password and shows it once. There is no default.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final String configuredPassword;

    AdminBootstrap(Accounts accounts, SystemProperties properties) {
        this.accounts = accounts;
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
            log.warn(
                    "\n==============================================================\n"
                            + "  First start: created user 'admin' with password {}\n"
                            + "  It is shown only this once. Set ANXIN_ADMIN_PASSWORD to choose one.\n"
                            + "==============================================================",
                    generated);
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
