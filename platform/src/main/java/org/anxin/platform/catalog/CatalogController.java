package org.anxin.platform.catalog;

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
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Money;
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
    static final Money MAX_PRICE = Money.ofFen(10_000_00);

    private final Catalog catalog;
    private final Accounts accounts;

    CatalogController(Catalog catalog, Accounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** An item to create or change; the price as {@code price} (the money shape) or, as before, {@code priceYuan}. */
    record ItemRequest(
            @NotBlank String category,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String nameEn,
            Money price,
            @DecimalMin("0") @DecimalMax("10000") BigDecimal priceYuan,
            @NotNull @Min(5) @Max(480) Integer durationMinutes,
            @NotBlank String skill,
            Boolean active) {

        Catalog.ItemChange change() {
            return new Catalog.ItemChange(
                    category.strip().toUpperCase(Locale.ROOT),
                    name.strip(),
                    nameEn == null || nameEn.isBlank() ? null : nameEn.strip(),
                    amount(),
                    durationMinutes,
                    skill.strip().toUpperCase(Locale.ROOT),
                    active == null || active);
        }

        /** The one price given: {@code price} or {@code priceYuan} (both: they must agree), 0 to 10,000 yuan. */
        Money amount() {
            Money yuan;
            try {
                yuan = priceYuan == null ? null : Money.ofYuan(priceYuan);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("priceYuan: " + e.getMessage());
            }
            if (price == null && yuan == null) {
                throw ApiProblem.badRequest("price is required, e.g. \"price\": {\"yuan\": \"80.00\"}");
            }
            if (price != null && yuan != null && !price.equals(yuan)) {
                throw ApiProblem.badRequest("price " + price + " and priceYuan " + priceYuan + " disagree");
            }
            Money p = price != null ? price : yuan;
            if (p.isNegative() || p.compareTo(MAX_PRICE) > 0) {
                throw ApiProblem.badRequest("price must be between 0 and " + MAX_PRICE + ", not " + p);
            }
            return p;
        }
    }

    record ProviderItemsRequest(@NotNull @Size(max = 200) List<@NotNull Long> itemIds) {}

    /** The bookable catalogue; with {@code includeInactive=true}, for the admin's editing page, every item. */
    @GetMapping("/catalog")
    List<CatalogViews.CatalogCategory> catalog(@RequestParam(defaultValue = "false") boolean includeInactive) {
        if (includeInactive && accounts.currentViewer().role() != Role.ADMIN) {
            throw ApiProblem.forbidden("only an admin edits the catalogue and sees its inactive items");
        }
        return catalog.view(includeInactive);
    }

    @PostMapping("/catalog/items")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CatalogViews.CatalogItem> create(@Valid @RequestBody ItemRequest request) {
        Catalog.Item item = catalog.create(request.change());
        return ResponseEntity.created(URI.create("/api/catalog/items/" + item.id()))
                .body(catalog.view(item));
    }

    @PutMapping("/catalog/items/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogViews.CatalogItem update(@PathVariable long id, @Valid @RequestBody ItemRequest request) {
        return catalog.view(catalog.update(id, request.change()));
    }

    @PutMapping("/providers/{id}/items")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogViews.ProviderItems providerItems(@PathVariable long id, @Valid @RequestBody ProviderItemsRequest request) {
        return new CatalogViews.ProviderItems(id, catalog.setProviderItems(id, request.itemIds()));
    }
}
