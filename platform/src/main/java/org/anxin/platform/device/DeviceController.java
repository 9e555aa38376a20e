package org.anxin.platform.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.Accounts;
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

    DeviceController(DeviceService devices, DeviceCommands commands, Accounts accounts) {
        this.devices = devices;
        this.commands = commands;
        this.accounts = accounts;
    }

    record CommandRequest(@NotBlank String type, Map<String, Object> params) {}

    record NewDeviceRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1-64 letters, digits or ._-") String id,
            @NotNull @Pattern(regexp = "mqtt|watch|gt06|app", message = "must be mqtt, watch, gt06 or app")
                    String protocol,
            @NotNull Long seniorId) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'OPERATOR')")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody NewDeviceRequest request) {
        DeviceService.Registered registered = devices.register(request.id(), request.protocol(), request.seniorId());
        Map<String, Object> body = new LinkedHashMap<>(view(registered.device()));
        if (registered.secret() != null) {
            body.put("secret", registered.secret());
        }
        return ResponseEntity.created(URI.create("/api/devices/" + request.id()))
                .body(body);
    }

    @PostMapping("/{id}/secret")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> rotateSecret(@PathVariable String id) {
        return Map.of("id", id, "secret", devices.rotateSecret(id));
    }

    /** The senior's devices (the desk's SOS-link page lists their app devices). */
    @GetMapping
    List<Device> forSenior(@RequestParam long seniorId) {
        accounts.currentViewer().checkMaySee(seniorId);
        return devices.forSenior(seniorId);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(devices.get(id, accounts.currentViewer()));
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

    private static Map<String, Object> view(Device device) {
        // explicit keys: absent values are shown as null, not left out
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", device.id());
        body.put("protocol", device.protocol());
        body.put("seniorId", device.seniorId());
        body.put("online", device.online());
        body.put("lastSeenAt", device.lastSeenAt());
        body.put("battery", device.battery());
        body.put("lat", device.lat());
        body.put("lon", device.lon());
        return body;
    }
}
