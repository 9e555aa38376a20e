package org.anxin.platform.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.anxin.platform.audit.AuditAction;
import org.anxin.platform.audit.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device groups (private APNs) and their source-network allow-lists: ADMIN only, since a list
 * decides which devices may reach the gateways at all. The device page (devices.html) drives it.
 */
@RestController
@RequestMapping("/api/device-groups")
@PreAuthorize("hasRole('ADMIN')")
class DeviceGroupController {
    private final DeviceGroups groups;
    private final AuditLog audit;

    DeviceGroupController(DeviceGroups groups, AuditLog audit) {
        this.groups = groups;
        this.audit = audit;
    }

    /** A group as typed: a name and CIDR networks (IPv4 or IPv6; none: no restriction). */
    record GroupRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = SourceNetworks.MAX) List<@Size(max = 64) String> networks) {}

    /** Devices to put in a group (or, through {@code /api/device-groups/none/devices}, in none). */
    record Members(@NotNull @Size(min = 1, max = DeviceGroups.MAX_BULK) List<@NotBlank String> deviceIds) {}

    @GetMapping
    List<DeviceGroup> list() {
        return groups.list();
    }

    @GetMapping("/{id}")
    DeviceGroup get(@PathVariable long id) {
        return groups.get(id);
    }

    @PostMapping
    ResponseEntity<DeviceGroup> create(@Valid @RequestBody GroupRequest request) {
        DeviceGroup created = groups.create(request.name(), request.networks());
        audit.record(AuditAction.DEVICE_GROUP_CHANGED, "device-group", created.id(), null, created);
        return ResponseEntity.created(URI.create("/api/device-groups/" + created.id()))
                .body(created);
    }

    /** Renames the group and replaces its networks; every gateway applies them to the next login. */
    @PutMapping("/{id}")
    DeviceGroup update(@PathVariable long id, @Valid @RequestBody GroupRequest request) {
        DeviceGroup before = groups.get(id);
        DeviceGroup after = groups.update(id, request.name(), request.networks());
        audit.record(AuditAction.DEVICE_GROUP_CHANGED, "device-group", id, before, after);
        return after;
    }

    /** Deletes an empty group; 409 while it holds devices. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        DeviceGroup before = groups.get(id);
        groups.delete(id);
        audit.record(AuditAction.DEVICE_GROUP_CHANGED, "device-group", id, before, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/devices")
    List<String> members(@PathVariable long id) {
        return groups.members(id);
    }

    /** Puts the devices in this group (moving them from any other); all or nothing. */
    @PostMapping("/{id}/devices")
    List<String> assign(@PathVariable long id, @Valid @RequestBody Members request) {
        List<String> moved = groups.assign(id, request.deviceIds());
        audit.record(AuditAction.DEVICE_GROUP_CHANGED, "device-group", id, null, new Members(moved));
        return moved;
    }

    /** Takes the devices out of their groups: no source-network restriction for them. */
    @PostMapping("/none/devices")
    List<String> release(@Valid @RequestBody Members request) {
        List<String> released = groups.assign(null, request.deviceIds());
        audit.record(AuditAction.DEVICE_GROUP_CHANGED, "device-group", "none", null, new Members(released));
        return released;
    }
}
