package org.anxin.sim.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityTest {

    @Test
    void makesTheSamePeopleForTheSameSeed() {
        City city = City.named("hangzhou");

        assertThat(city.residents(20, 42, "138")).isEqualTo(city.residents(20, 42, "138"));
        assertThat(city.residents(20, 42, "138")).isNotEqualTo(city.residents(20, 43, "138"));
    }

    @Test
    void keepsEveryHomeInsideTheCity() {
        City city = City.named("shenyang");

        List<City.Resident> residents = city.residents(500, 7, "138");

        assertThat(residents)
                .allSatisfy(r -> assertThat(City.distanceKm(r.lat(), r.lon(), city.centerLat(), city.centerLon()))
                        .isLessThanOrEqualTo(city.radiusKm() + 0.01));
        assertThat(residents).extracting(City.Resident::phone).doesNotHaveDuplicates();
    }

    @Test
    void refusesAnUnknownCity() {
        assertThatThrownBy(() -> City.named("atlantis")).hasMessageContaining("hangzhou");
    }

    @Test
    void keepsItsStateInAPrivateFileAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim/city.json");
        CityState state = new CityState();
        state.seniors.put("hangzhou-senior-0", 17L);
        state.deviceSecrets.put("btn-0001", "s3cret");

        state.save(file);
        CityState loaded = CityState.load(file);

        assertThat(loaded.seniors).containsEntry("hangzhou-senior-0", 17L);
        assertThat(loaded.deviceSecrets).containsEntry("btn-0001", "s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
