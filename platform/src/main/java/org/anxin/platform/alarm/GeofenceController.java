package org.anxin.platform.alarm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Safe zones, set by the senior's family or by staff. */
@RestController
@RequestMapping("/api/seniors/{seniorId}/geofences")
class GeofenceController {
    private final GeofenceRepository geofences;
    private final SeniorService seniors;
    private final Accounts accounts;

    GeofenceController(GeofenceRepository geofences, SeniorService seniors, Accounts accounts) {
        this.geofences = geofences;
        this.seniors = seniors;
        this.accounts = accounts;
    }

    record Circle(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("20") @DecimalMax("50000") Double radiusMeters) {}

    /** {@code activeFrom}/{@code activeTo}: city time, both or neither (neither: all hours). */
    record NewGeofence(
            @NotBlank @Size(max = 100) String name,
            @Valid Circle circle,
            @Size(min = 3, max = 200) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> polygon,
            LocalTime activeFrom,
            LocalTime activeTo) {}

    @PostMapping
    ResponseEntity<Geofence> create(@PathVariable long seniorId, @Valid @RequestBody NewGeofence request) {
        Viewer viewer = mayChange(seniorId);
        if ((request.circle() == null) == (request.polygon() == null)) {
            throw ApiProblem.badRequest("give either circle {lat, lon, radiusMeters} or polygon [[lat, lon], ...]");
        }
        if ((request.activeFrom() == null) != (request.activeTo() == null)) {
            throw ApiProblem.badRequest("give activeFrom and activeTo together (e.g. 20:00 and 07:00), or neither");
        }
        if (request.activeFrom() != null && request.activeFrom().equals(request.activeTo())) {
            throw ApiProblem.badRequest("activeFrom and activeTo are equal; leave both out to watch at all hours");
        }
        String name = request.name().strip();
        Geofence created;
        if (request.circle() != null) {
            Circle c = request.circle();
            created = geofences.insert(
                    new GeofenceRepository.NewZone(
                            seniorId,
                            name,
                            c.lat(),
                            c.lon(),
                            c.radiusMeters(),
                            null,
                            request.activeFrom(),
                            request.activeTo()),
                    viewer.username());
        } else {
            List<double[]> vertices = request.polygon().stream()
                    .map(v -> new double[] {v.get(0), v.get(1)})
                    .toList();
            for (double[] v : vertices) {
                if (Math.abs(v[0]) > 90 || Math.abs(v[1]) > 180) {
                    throw ApiProblem.badRequest("polygon vertices are [lat, lon] with |lat| <= 90 and |lon| <= 180");
                }
            }
            created = geofences.insert(
                    new GeofenceRepository.NewZone(
                            seniorId, name, null, null, null, vertices, request.activeFrom(), request.activeTo()),
                    viewer.username());
        }
        return ResponseEntity.created(URI.create("/api/seniors/" + seniorId + "/geofences/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<Geofence> list(@PathVariable long seniorId) {
        seniors.get(seniorId, accounts.currentViewer());
        return geofences.forSenior(seniorId);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long seniorId, @PathVariable long id) {
        mayChange(seniorId);
        if (!geofences.delete(seniorId, id)) {
            throw ApiProblem.notFound("senior " + seniorId + " has no geofence " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private Viewer mayChange(long seniorId) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(seniorId, viewer);
        if (viewer.role() == Role.RESPONDER) {
            throw ApiProblem.forbidden("a responder may not set a senior's safe zones");
        }
        return viewer;
    }
}
