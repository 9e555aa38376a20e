package org.anxin.sim.city;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator registered, so that a restart reuses it: senior ids by their key, and the
 * devices' secrets. Holds secrets, so the file is readable by its owner only.
 */
public final class CityState {
    public Map<String, Long> seniors = new LinkedHashMap<>();
    public Map<String, String> deviceSecrets = new LinkedHashMap<>();

    public static CityState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new CityState();
        }
        return PlatformClient.JSON.readValue(Files.readString(file), CityState.class);
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(
                temp, PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.move(
                temp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
