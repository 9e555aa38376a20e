package org.anxin.platform.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/devices")
class DeviceController {
    private final DeviceService devices;
    private final DeviceCommands commands;
    private final Accounts accounts;
    private final AuditLog audit;

    DeviceController(DeviceService devices, DeviceCommands commands, Accounts accounts, AuditLog audit) {
        this.devices = devices;
        this.commands = commands;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Commands that reach into a senior's privacy: a silent listen-in, a call from the device, who it calls for help. */
    private static final Set<String> PRIVACY_SENSITIVE = Set.of("MONITOR", "CALL_BACK", "SOS_NUMBERS");

    record CommandRequest(@NotBlank String type, Map<String, Object> params) {}

    /** A device just registered; {@code secret} (MQTT devices only) is shown this once. */
    record RegisteredDevice(@JsonUnwrapped Device device, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {}

    /** A device's new MQTT secret, shown this once. */
    record DeviceSecret(String id, String secret) {}

    record NewDeviceRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1-64 letters, digits or ._-") String id,
            @NotNull @Pattern(regexp = "mqtt|watch|gt06|app", message = "must be mqtt, watch, gt06 or app")
                    String protocol,
            @NotNull Long seniorId,
            Long groupId) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    ResponseEntity<RegisteredDevice> register(@Valid @RequestBody NewDeviceRequest request) {
        if (request.groupId() != null && accounts.currentViewer().role() != Role.ADMIN) {
            // a group decides where the device may log in from: an ADMIN's act, as on the group API
            throw ApiProblem.forbidden("only an ADMIN puts a device in a device group");
        }
        DeviceService.Registered registered =
                devices.register(request.id(), request.protocol(), request.seniorId(), request.groupId());
        audit.record(AuditAction.DEVICE_REGISTERED, "device", request.id(), null, registered.device());
        return ResponseEntity.created(URI.create("/api/devices/" + request.id()))
                .body(new RegisteredDevice(registered.device(), registered.secret()));
    }

    @PostMapping("/{id}/secret")
    @PreAuthorize("hasRole('ADMIN')")
    DeviceSecret rotateSecret(@PathVariable String id) {
        DeviceSecret rotated = new DeviceSecret(id, devices.rotateSecret(id));
        audit.record(AuditAction.DEVICE_SECRET_ROTATED, "device", id, null, null);
        return rotated;
    }

    /**
     * A "3G" watch's new SMS control password (PW command), shown this once: SMS commands from any
     * number but the watch's centre number need it. It does not authenticate the watch's TCP login.
     */
    @PostMapping("/{id}/watch-password")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<DeviceCommands.WatchPassword> watchPassword(@PathVariable String id) {
        DeviceCommands.WatchPassword set = commands.setWatchPassword(id, accounts.currentViewer());
        audit.record(AuditAction.DEVICE_SECRET_ROTATED, "device", id, null, set.command());
        return ResponseEntity.accepted()
                .location(URI.create(
                        "/api/devices/" + id + "/commands/" + set.command().id()))
                .body(set);
    }

    /** Disables the device for good and closes its connections on every gateway at once. */
    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    Device revoke(@PathVariable String id) {
        Device before = devices.get(id, accounts.currentViewer());
        Device revoked = devices.revoke(id, accounts.currentViewer());
        audit.record(AuditAction.DEVICE_REVOKED, "device", id, before, revoked);
        return revoked;
    }

    /** The senior's devices (the desk's SOS-link page lists their app devices). */
    @GetMapping
    List<Device> forSenior(@RequestParam long seniorId) {
        accounts.currentViewer().checkMaySee(seniorId);
        return devices.forSenior(seniorId);
    }

    @GetMapping("/{id}")
    Device get(@PathVariable String id) {
        return devices.get(id, accounts.currentViewer());
    }

    @GetMapping("/{id}/events")
    List<DeviceService.EventView> events(
            @PathVariable String id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return devices.events(id, limit, accounts.currentViewer());
    }

    /** Queues a downlink command; 202: it is delivered when the device is (or comes) online. */
    @PostMapping("/{id}/commands")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    ResponseEntity<DeviceCommands.DeviceCommand> command(
            @PathVariable String id, @Valid @RequestBody CommandRequest request) {
        DeviceCommands.DeviceCommand created =
                commands.create(id, request.type(), request.params(), accounts.currentViewer());
        if (PRIVACY_SENSITIVE.contains(created.type())) {
            audit.record(AuditAction.DEVICE_COMMAND, "device", id, null, created);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/devices/" + id + "/commands/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}/commands")
    List<DeviceCommands.DeviceCommand> commands(@PathVariable String id) {
        return commands.list(id, accounts.currentViewer());
    }

    @GetMapping("/{id}/commands/{commandId}")
    DeviceCommands.DeviceCommand command(@PathVariable String id, @PathVariable long commandId) {
        return commands.get(id, commandId, accounts.currentViewer());
    }
}
