package org.anxin.platform.alarm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.senior.SeniorRecord;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each contact's say in how alarms reach them ({@link FamilyPolicy}): the senior's family (or the
 * desk) sets a contact's channel per kind and quiet hours; the desk alone sets the limit that lets
 * a contact take a person-in-danger alarm without a call. A contact is addressed by their place
 * in the call order.
 */
@RestController
@RequestMapping("/api/seniors/{seniorId}/contacts")
class ContactPreferenceController {
    private static final String SENIOR = "senior";

    private final ContactPreferenceStore store;
    private final FamilyPolicy policy;
    private final SeniorService seniors;
    private final Accounts accounts;
    private final AuditLog audit;

    ContactPreferenceController(
            ContactPreferenceStore store,
            FamilyPolicy policy,
            SeniorService seniors,
            Accounts accounts,
            AuditLog audit) {
        this.store = store;
        this.policy = policy;
        this.seniors = seniors;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** One contact: every kind's channel (their choice or the default), what they may choose, and their quiet hours. */
    record ContactReach(
            int position,
            String name,
            String relation,
            String phone,
            Map<String, FamilyChannel> channels,
            Map<String, List<FamilyChannel>> choices,
            LocalTime quietFrom,
            LocalTime quietTo,
            boolean ownQuietHours,
            boolean mayDeclineCalls) {}

    record Preferences(
            long seniorId,
            LocalTime cityQuietFrom,
            LocalTime cityQuietTo,
            List<String> lifeSafety,
            List<ContactReach> contacts) {}

    /**
     * {@code channels}: kind → CALL, SMS or FEED for the kinds the contact changes (the rest keep
     * the defaults); {@code quietFrom}/{@code quietTo}: city time, both or neither (neither: the
     * city's quiet hours; equal: none).
     */
    record Choice(
            @Size(max = 20) Map<@NotNull String, @NotNull FamilyChannel> channels,
            LocalTime quietFrom,
            LocalTime quietTo) {}

    record Limit(@NotNull Boolean mayDeclineCalls) {}

    @GetMapping("/preferences")
    Preferences preferences(@PathVariable long seniorId) {
        seniors.get(seniorId, accounts.currentViewer());
        return view(seniorId);
    }

    @PutMapping("/{position}/preferences")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR', 'FAMILY')")
    @Transactional
    ContactReach choose(@PathVariable long seniorId, @PathVariable int position, @Valid @RequestBody Choice choice) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(seniorId, viewer);
        SeniorRecord.Contact contact = contact(seniorId, position);
        ContactPreferences before = store.of(seniorId, contact.phone());
        if ((choice.quietFrom() == null) != (choice.quietTo() == null)) {
            throw ApiProblem.badRequest("give quietFrom and quietTo together (e.g. 22:30 and 06:30), or neither");
        }
        Map<String, FamilyChannel> channels = choice.channels() == null ? Map.of() : choice.channels();
        channels.forEach((kind, channel) -> {
            String refusal = FamilyPolicy.refusal(kind, channel, before.mayDeclineCalls());
            if (refusal != null) {
                throw ApiProblem.badRequest(refusal);
            }
        });
        ContactPreferences after =
                new ContactPreferences(channels, choice.quietFrom(), choice.quietTo(), before.mayDeclineCalls());
        store.choose(seniorId, contact.phone(), after, viewer.username());
        audited(seniorId, contact, before, after);
        return reach(contact, after);
    }

    /** The desk's limit; taking it back returns the contact's person-in-danger kinds to calls. */
    @PutMapping("/{position}/limits")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    @Transactional
    ContactReach limit(@PathVariable long seniorId, @PathVariable int position, @Valid @RequestBody Limit limit) {
        Viewer viewer = accounts.currentViewer();
        seniors.get(seniorId, viewer);
        SeniorRecord.Contact contact = contact(seniorId, position);
        ContactPreferences before = store.of(seniorId, contact.phone());
        Map<String, FamilyChannel> kept = new LinkedHashMap<>();
        before.channels().forEach((kind, channel) -> {
            if (FamilyPolicy.refusal(kind, channel, limit.mayDeclineCalls()) == null) {
                kept.put(kind, channel);
            }
        });
        ContactPreferences after =
                new ContactPreferences(kept, before.quietFrom(), before.quietTo(), limit.mayDeclineCalls());
        store.limit(seniorId, contact.phone(), after, viewer.username());
        audited(seniorId, contact, before, after);
        return reach(contact, after);
    }

    private void audited(
            long seniorId, SeniorRecord.Contact contact, ContactPreferences before, ContactPreferences after) {
        String who = contact.position() + ". " + contact.name();
        audit.record(
                AuditAction.SENIOR_UPDATED,
                SENIOR,
                seniorId,
                Map.of("contact", who, "preferences", before),
                Map.of("contact", who, "preferences", after));
    }

    private Preferences view(long seniorId) {
        Map<String, ContactPreferences> stored = store.forSenior(seniorId);
        List<ContactReach> contacts = seniors.contacts(seniorId).stream()
                .map(c -> reach(c, stored.getOrDefault(c.phone(), ContactPreferences.DEFAULT)))
                .toList();
        AlarmProperties.QuietHours city = policy.cityQuietHours();
        return new Preferences(
                seniorId,
                city.quietFrom(),
                city.quietTo(),
                FamilyPolicy.KINDS.stream()
                        .filter(FamilyPolicy.LIFE_SAFETY::contains)
                        .toList(),
                contacts);
    }

    private ContactReach reach(SeniorRecord.Contact contact, ContactPreferences preferences) {
        Map<String, List<FamilyChannel>> choices = new LinkedHashMap<>();
        FamilyPolicy.KINDS.forEach(
                kind -> choices.put(kind, FamilyPolicy.choices(kind, preferences.mayDeclineCalls())));
        AlarmProperties.QuietHours city = policy.cityQuietHours();
        return new ContactReach(
                contact.position(),
                contact.name(),
                contact.relation(),
                contact.phone(),
                FamilyPolicy.channels(preferences),
                choices,
                preferences.ownQuietHours() ? preferences.quietFrom() : city.quietFrom(),
                preferences.ownQuietHours() ? preferences.quietTo() : city.quietTo(),
                preferences.ownQuietHours(),
                preferences.mayDeclineCalls());
    }

    private SeniorRecord.Contact contact(long seniorId, int position) {
        return seniors.contacts(seniorId).stream()
                .filter(c -> c.position() == position)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("senior " + seniorId + " has no contact " + position));
    }
}
