package org.anxin.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CatalogController {
    private final Catalog catalog;
    private final Accounts accounts;

    CatalogController(Catalog catalog, Accounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    record ItemRequest(
            @NotBlank String category,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String nameEn,
            @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal priceYuan,
            @NotNull @Min(5) @Max(480) Integer durationMinutes,
            @NotBlank String skill,
            Boolean active) {

        Catalog.ItemChange change() {
            return new Catalog.ItemChange(
                    category.strip().toUpperCase(Locale.ROOT),
                    name.strip(),
                    nameEn == null || nameEn.isBlank() ? null : nameEn.strip(),
                    priceYuan,
                    durationMinutes,
                    skill.strip().toUpperCase(Locale.ROOT),
                    active == null || active);
        }
    }

    record ProviderItems(@NotNull @Size(max = 200) List<@NotNull Long> itemIds) {}

    /** The bookable catalogue; with {@code includeInactive=true}, for the admin's editing page, every item. */
    @GetMapping("/catalog")
    List<Map<String, Object>> catalog(@RequestParam(defaultValue = "false") boolean includeInactive) {
        if (includeInactive && accounts.currentViewer().role() != Role.ADMIN) {
            throw ApiProblem.forbidden("only an admin edits the catalogue and sees its inactive items");
        }
        return catalog.view(includeInactive);
    }

    @PostMapping("/catalog/items")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ItemRequest request) {
        Catalog.Item item = catalog.create(request.change());
        return ResponseEntity.created(URI.create("/api/catalog/items/" + item.id()))
                .body(Catalog.json(item));
    }

    @PutMapping("/catalog/items/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> update(@PathVariable long id, @Valid @RequestBody ItemRequest request) {
        return Catalog.json(catalog.update(id, request.change()));
    }

    @PutMapping("/providers/{id}/items")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> providerItems(@PathVariable long id, @Valid @RequestBody ProviderItems request) {
        return Map.of("providerId", id, "itemIds", catalog.setProviderItems(id, request.itemIds()));
    }
}
