package org.anxin.platform.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.anxin.platform.dispatch.TravelMode;
import org.junit.jupiter.api.Test;

/** Workers grouped into districts by where their day starts. */
class DistrictsTest {
    private final Days days = new Days(40);

    @Test
    void everyWorkerIsInExactlyOneDistrictOfAboutTheSizeAsked() {
        List<WorkerDay> workers = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            workers.add(at(i, i));
        }
        List<List<WorkerDay>> districts = Districts.of(workers, 10, new Random(3));
        assertThat(districts.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(workers);
        assertThat(districts).hasSizeLessThanOrEqualTo(4).allSatisfy(d -> assertThat(d)
                .isNotEmpty());
    }

    @Test
    void workersFarApartAreNeverInOneDistrict() {
        // ten workers at places 0..9 and ten at 30..39: two districts of ten, one each side, whatever is drawn
        List<WorkerDay> west = new ArrayList<>();
        List<WorkerDay> east = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            west.add(at(i, i));
            east.add(at(100 + i, 30 + i));
        }
        List<WorkerDay> all = new ArrayList<>(west);
        all.addAll(east);
        for (int seed = 0; seed < 20; seed++) {
            List<List<WorkerDay>> districts = Districts.of(all, 10, new Random(seed));
            assertThat(districts).hasSize(2);
            assertThat(districts.stream().map(Set::copyOf).toList())
                    .containsExactlyInAnyOrder(Set.copyOf(west), Set.copyOf(east));
        }
    }

    @Test
    void aDayWithFewWorkersIsOneDistrict() {
        List<WorkerDay> workers = List.of(at(1, 0), at(2, 5), at(3, 9));
        assertThat(Districts.of(workers, 10, new Random(1))).containsExactly(workers);
    }

    private WorkerDay at(long id, int place) {
        return new WorkerDay(
                id, "w" + id, 1, Set.of("c"), TravelMode.EBIKE, days.places[place], 0, 8 * Days.HOUR, days.travel);
    }
}
