package org.anxin.platform.alarm;

import org.anxin.platform.system.Accounts;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the family does about an alarm of their own senior. */
@RestController
class FamilyAlarmController {
    private final FamilyAcceptance acceptance;
    private final Accounts accounts;

    FamilyAlarmController(FamilyAcceptance acceptance, Accounts accounts) {
        this.acceptance = acceptance;
        this.accounts = accounts;
    }

    /** "I am on my way": recorded as the escalation call's press-1 is; 409 once the alarm is closed. */
    @PostMapping("/api/alarms/{id}/on-my-way")
    Alarm onMyWay(@PathVariable long id) {
        return acceptance.onMyWay(id, accounts.currentViewer());
    }
}
