package org.anxin.platform.system;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative hierarchy (district → street → community) and what each node covers: the
 * names of the communities below it, which scope the officers of that node.
 */
@Service
public class AdminAreas {
    /** A node's level; each level's parent is the one above it. */
    public enum Level {
        DISTRICT,
        STREET,
        COMMUNITY;

        Level parent() {
            return this == DISTRICT ? null : values()[ordinal() - 1];
        }
    }

    public record Area(String code, String name, Level level, String parent) {}

    private static final RowMapper<Area> ROW = (rs, n) -> new Area(
            rs.getString("code"), rs.getString("name"), Level.valueOf(rs.getString("level")), rs.getString("parent"));

    private final JdbcClient db;

    AdminAreas(JdbcClient db) {
        this.db = db;
    }

    @Transactional
    public Area create(Area area) {
        if (find(area.code()).isPresent()) {
            throw ApiProblem.conflict("area " + area.code() + " already exists");
        }
        Level parentLevel = area.level().parent();
        if (parentLevel == null && area.parent() != null) {
            throw ApiProblem.badRequest("parent: a DISTRICT has none");
        }
        if (parentLevel != null) {
            Area parent = area.parent() == null ? null : find(area.parent()).orElse(null);
            if (parent == null || parent.level() != parentLevel) {
                throw ApiProblem.badRequest("parent: a " + area.level() + " belongs to an existing " + parentLevel
                        + ", not " + area.parent());
            }
        }
        if (area.level() == Level.COMMUNITY
                && db.sql("select count(*) from admin_areas where level = 'COMMUNITY' and name = ?")
                                .param(area.name())
                                .query(Long.class)
                                .single()
                        > 0) {
            throw ApiProblem.conflict("a community named " + area.name() + " already exists");
        }
        db.sql("insert into admin_areas (code, name, level, parent) values (?, ?, ?, ?)")
                .params(area.code(), area.name(), area.level().name(), area.parent())
                .update();
        return area;
    }

    public Optional<Area> find(String code) {
        return db.sql("select * from admin_areas where code = ?")
                .param(code)
                .query(ROW)
                .optional();
    }

    public List<Area> list() {
        return db.sql("select * from admin_areas order by level, parent nulls first, code")
                .query(ROW)
                .list();
    }

    /** The names of the communities at or below the node: what its officers cover. */
    public Set<String> communitiesUnder(String code) {
        return new TreeSet<>(db.sql("with recursive below as (select * from admin_areas where code = ?"
                        + " union all select a.* from admin_areas a join below b on a.parent = b.code)"
                        + " select name from below where level = 'COMMUNITY'")
                .param(code)
                .query(String.class)
                .list());
    }
}
