package org.anxin.platform.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AreaController {
    private final AdminAreas areas;

    AreaController(AdminAreas areas) {
        this.areas = areas;
    }

    record AreaRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "1-40 letters, digits, _ or -") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull AdminAreas.Level level,
            String parent) {}

    @PostMapping("/api/areas")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AdminAreas.Area> create(@Valid @RequestBody AreaRequest request) {
        AdminAreas.Area area = areas.create(new AdminAreas.Area(
                request.code(),
                request.name().strip(),
                request.level(),
                request.parent() == null || request.parent().isBlank()
                        ? null
                        : request.parent().strip()));
        return ResponseEntity.created(URI.create("/api/areas/" + area.code())).body(area);
    }

    /** The whole hierarchy: not secret, every signed-in user may read it (e.g. to pick a community). */
    @GetMapping("/api/areas")
    List<AdminAreas.Area> list() {
        return areas.list();
    }
}
