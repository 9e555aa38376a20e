package org.anxin.platform.medication;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anxin.platform.device.DeviceCommands;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/medication-reminders")
class MedicationController {
    private final ReminderStore store;
    private final DeviceCommands commands;
    private final Accounts accounts;

    MedicationController(ReminderStore store, DeviceCommands commands, Accounts accounts) {
        this.store = store;
        this.commands = commands;
        this.accounts = accounts;
    }

    /** The senior's reminders, newest first: the desk, or the senior's own family. */
    @GetMapping
    List<MedicationReminder> forSenior(@RequestParam long seniorId, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badRequest("limit must be 1–500");
        }
        accounts.currentViewer().checkMaySee(seniorId);
        List<MedicationReminder> reminders = store.forSenior(seniorId, limit);
        Map<Long, DeviceCommands.DeviceCommand> sent = commands.byIds(reminders.stream()
                .map(MedicationReminder::commandId)
                .filter(Objects::nonNull)
                .toList());
        return reminders.stream()
                .map(r -> {
                    DeviceCommands.DeviceCommand c = r.commandId() == null ? null : sent.get(r.commandId());
                    return c == null ? r : r.withCommand(c.status(), c.deliveredAt());
                })
                .toList();
    }
}
