package org.anxin.platform.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Storage (external or embedded PostgreSQL and Redis, the data directory), the admin password
 * and the city's time zone, checked at start.
 */
@Validated
@ConfigurationProperties("anxin")
record SystemProperties(
        @NotNull(message = "ANXIN_DATA_DIR must be set") Path dataDir,
        @NotNull @Valid @DefaultValue Db db,
        @NotNull @Valid @DefaultValue Redis redis,
        @NotNull @Valid @DefaultValue Embedded embedded,
        @DefaultValue("") String adminPassword,
        @NotBlank(message = "ANXIN_CITY_ZONE must be a time zone (e.g. Asia/Shanghai)") @DefaultValue("Asia/Shanghai")
                String cityZone) {

    record Db(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @Min(value = 1, message = "ANXIN_DB_POOL_SIZE must be 1 to 200")
                    @Max(value = 200, message = "ANXIN_DB_POOL_SIZE must be 1 to 200")
                    @DefaultValue("10")
                    int poolSize) {}

    /** {@code caFile}: PEM certificate(s) a {@code rediss://} server is checked against; blank: the JDK's. */
    record Redis(@DefaultValue("") String url, @DefaultValue("") String caFile) {}

    record Embedded(
            @Min(value = 0, message = "ANXIN_EMBEDDED_DB_PORT must be 0 (any free port) to 65535")
                    @Max(value = 65535, message = "ANXIN_EMBEDDED_DB_PORT must be 0 (any free port) to 65535")
                    @DefaultValue("15432")
                    int dbPort,
            @Min(value = 0, message = "ANXIN_EMBEDDED_REDIS_PORT must be 0 (any free port) to 65535")
                    @Max(value = 65535, message = "ANXIN_EMBEDDED_REDIS_PORT must be 0 (any free port) to 65535")
                    @DefaultValue("16379")
                    int redisPort) {}

    @AssertTrue(message = "ANXIN_ADMIN_PASSWORD must have at least 8 characters")
    boolean isAdminPasswordLongEnough() {
        return adminPassword == null || adminPassword.isBlank() || adminPassword.length() >= 8;
    }
}
