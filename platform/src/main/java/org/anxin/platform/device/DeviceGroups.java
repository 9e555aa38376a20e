package org.anxin.platform.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.anxin.platform.system.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device groups and their source-network allow-lists (private APNs). Each change is written to the
 * registry the gateways read and every gateway is told to forget what it cached (a {@code FORGET}
 * entry on each node's command stream, the route revocation takes), so it applies to the next
 * login at once.
 */
@Service
class DeviceGroups {
    static final int MAX_BULK = 1_000;

    private final JdbcClient db;
    private final DeviceRegistry registry;
    private final Clock clock;

    DeviceGroups(JdbcClient db, DeviceRegistry registry, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
    }

    List<DeviceGroup> list() {
        return db.sql(SELECT + " group by g.id order by g.name")
                .query((rs, n) -> group(rs))
                .list();
    }

    DeviceGroup get(long id) {
        return db.sql(SELECT + " where g.id = ? group by g.id")
                .param(id)
                .query((rs, n) -> group(rs))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no device group " + id));
    }

    @Transactional
    DeviceGroup create(String name, List<String> networks) {
        List<String> checked = SourceNetworks.checked("networks", networks);
        String trimmed = name.strip();
        checkNameFree(trimmed, 0);
        Timestamp now = Timestamp.from(clock.instant());
        long id = db.sql("insert into device_groups (name, networks, created_at, updated_at) values (?, ?, ?, ?)"
                        + " returning id")
                .params(trimmed, SourceNetworks.stored(checked), now, now)
                .query(Long.class)
                .single();
        registry.publishGroup(id, SourceNetworks.stored(checked));
        return get(id);
    }

    @Transactional
    DeviceGroup update(long id, String name, List<String> networks) {
        get(id);
        List<String> checked = SourceNetworks.checked("networks", networks);
        String trimmed = name.strip();
        checkNameFree(trimmed, id);
        db.sql("update device_groups set name = ?, networks = ?, updated_at = ? where id = ?")
                .params(trimmed, SourceNetworks.stored(checked), Timestamp.from(clock.instant()), id)
                .update();
        registry.publishGroup(id, SourceNetworks.stored(checked));
        // every member: each gateway re-checks their live connections against the new list
        registry.forget(members(id), id);
        return get(id);
    }

    /**
     * Deletes an empty group; one that still holds devices (revoked ones included) is a 409, so that
     * no device loses its restriction by a click that did not name it.
     */
    @Transactional
    void delete(long id) {
        db.sql("select id from device_groups where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("no device group " + id));
        int devices = members(id).size();
        if (devices > 0) {
            throw ApiProblem.conflict("device group " + id + " still holds " + devices
                    + " devices: move them to another group or none first");
        }
        db.sql("delete from device_groups where id = ?").param(id).update();
        registry.unpublishGroup(id);
        registry.forget(List.of(), id);
    }

    /** The ids of the group's devices (revoked ones too: they keep their group on record). */
    List<String> members(long id) {
        get(id);
        return db.sql("select id from devices where group_id = ? order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    /**
     * Puts the devices in the group ({@code groupId} null: in none). All or nothing: an unknown id
     * is a 400 naming it and changes nothing.
     */
    @Transactional
    List<String> assign(Long groupId, List<String> deviceIds) {
        if (groupId != null) {
            get(groupId);
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(deviceIds));
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw ApiProblem.badRequest("deviceIds: 1 to " + MAX_BULK + " device ids, not " + ids.size());
        }
        List<DeviceRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String deviceId = ids.get(i);
            int index = i;
            rows.add(db.sql("select id, protocol, senior_id, secret_sha256, revoked_at from devices where id = ?")
                    .param(deviceId)
                    .query((rs, n) -> new DeviceRow(
                            rs.getString("id"),
                            rs.getString("protocol"),
                            rs.getLong("senior_id"),
                            rs.getString("secret_sha256"),
                            rs.getTimestamp("revoked_at") != null))
                    .optional()
                    .orElseThrow(() -> ApiProblem.badRequest("deviceIds[" + index + "]: no device " + deviceId)));
        }
        for (DeviceRow row : rows) {
            db.sql("update devices set group_id = ? where id = ?")
                    .params(groupId, row.id())
                    .update();
            if (!row.revoked()) {
                registry.publish(row.id(), row.protocol(), row.seniorId(), row.secretSha256(), groupId);
            }
        }
        registry.forget(ids, null);
        return ids;
    }

    private record DeviceRow(String id, String protocol, long seniorId, String secretSha256, boolean revoked) {}

    private void checkNameFree(String name, long exceptId) {
        if (db.sql("select count(*) from device_groups where lower(name) = lower(?) and id <> ?")
                        .params(name, exceptId)
                        .query(Long.class)
                        .single()
                > 0) {
            throw ApiProblem.conflict("name: a device group named " + name + " exists");
        }
    }

    private static final String SELECT =
            "select g.*, count(d.id) as members from device_groups g" + " left join devices d on d.group_id = g.id";

    private static DeviceGroup group(ResultSet rs) throws SQLException {
        return new DeviceGroup(
                rs.getLong("id"),
                rs.getString("name"),
                SourceNetworks.fromStored(rs.getString("networks")),
                rs.getInt("members"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
