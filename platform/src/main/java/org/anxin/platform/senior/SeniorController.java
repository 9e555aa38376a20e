package org.anxin.platform.senior;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/seniors")
class SeniorController {
    private final SeniorService seniors;
    private final Accounts accounts;

    SeniorController(SeniorService seniors, Accounts accounts) {
        this.seniors = seniors;
        this.accounts = accounts;
    }

    record NewSeniorRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 32) String phone,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    ResponseEntity<Senior> create(@Valid @RequestBody NewSeniorRequest request) {
        if ((request.lat() == null) != (request.lon() == null)) {
            throw ApiProblem.badRequest("lat and lon must be given together");
        }
        Senior senior = seniors.create(new SeniorService.NewSenior(
                request.name().strip(), request.phone(), request.address(), request.lat(), request.lon()));
        return ResponseEntity.created(URI.create("/api/seniors/" + senior.id())).body(senior);
    }

    @GetMapping
    List<Senior> list() {
        return seniors.list(accounts.currentViewer());
    }

    @GetMapping("/{id}")
    Senior get(@PathVariable long id) {
        return seniors.get(id, accounts.currentViewer());
    }
}
