package org.anxin.platform.senior;

import jakarta.validation.Valid;
import java.util.List;
import java.util.TreeSet;
import org.anxin.platform.system.Accounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry: search, the whole record, its edits (audited) and the family's allow-list. */
@RestController
@RequestMapping("/api/seniors")
class SeniorProfileController {
    private final SeniorProfiles profiles;
    private final SeniorSearch search;
    private final FamilyEditable familyEditable;
    private final Accounts accounts;

    SeniorProfileController(
            SeniorProfiles profiles, SeniorSearch search, FamilyEditable familyEditable, Accounts accounts) {
        this.profiles = profiles;
        this.search = search;
        this.familyEditable = familyEditable;
        this.accounts = accounts;
    }

    record DoorNotes(long seniorId, String doorNotes) {}

    record FamilyEditableFields(List<String> fields) {}

    @GetMapping(params = "q")
    List<SeniorSearch.SeniorHit> search(@RequestParam String q) {
        return search.search(q, accounts.currentViewer());
    }

    @GetMapping("/{id}/profile")
    SeniorProfile profile(@PathVariable long id) {
        return profiles.profile(id, accounts.currentViewer());
    }

    /** Desk: any field; FAMILY: only those of {@code ANXIN_FAMILY_EDITABLE} (403 naming the others). */
    @PutMapping("/{id}")
    SeniorProfile update(@PathVariable long id, @Valid @RequestBody ProfileChange change) {
        return profiles.update(id, change, accounts.currentViewer());
    }

    /** How to get in; each reading is audited. */
    @GetMapping("/{id}/door-notes")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    DoorNotes doorNotes(@PathVariable long id) {
        return new DoorNotes(id, profiles.doorNotes(id, accounts.currentViewer()));
    }

    /** The fields a family may change themselves (the desk's setting). */
    @GetMapping("/family-editable")
    FamilyEditableFields familyEditable() {
        return new FamilyEditableFields(List.copyOf(new TreeSet<>(familyEditable.familyEditable())));
    }
}
