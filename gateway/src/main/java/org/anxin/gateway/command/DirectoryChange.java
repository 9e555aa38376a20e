package org.anxin.gateway.command;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@code FORGET} entry of a node's command stream: the platform changed devices' group or a
 * group's networks, so the node drops those cached look-ups (the next login reads Redis). Fields
 * {@code deviceIds} (comma-separated) and {@code group}, either or both.
 */
public record DirectoryChange(List<String> deviceIds, String group) {
    public static final String TYPE = "FORGET";

    static DirectoryChange fromFields(Map<String, String> fields) {
        String ids = fields.get("deviceIds");
        List<String> deviceIds = ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String group = fields.get("group");
        return new DirectoryChange(deviceIds, group == null || group.isBlank() ? null : group.strip());
    }
}
