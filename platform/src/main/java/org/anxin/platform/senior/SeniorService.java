package org.anxin.platform.senior;

import java.util.List;
import java.util.Optional;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Seniors and their records; the module's public face. */
@Service
public class SeniorService {
    private static final RowMapper<Senior> ROW = (rs, n) -> new Senior(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("phone"),
            rs.getString("address"),
            (Double) rs.getObject("lat"),
            (Double) rs.getObject("lon"));

    private final JdbcClient db;

    SeniorService(JdbcClient db) {
        this.db = db;
    }

    public record NewSenior(String name, String phone, String address, Double lat, Double lon) {}

    public Senior create(NewSenior senior) {
        long id = db.sql("insert into seniors (name, phone, address, lat, lon) values (?, ?, ?, ?, ?) returning id")
                .params(senior.name(), senior.phone(), senior.address(), senior.lat(), senior.lon())
                .query(Long.class)
                .single();
        return new Senior(id, senior.name(), senior.phone(), senior.address(), senior.lat(), senior.lon());
    }

    public Optional<Senior> find(long id) {
        return db.sql("select * from seniors where id = ?").param(id).query(ROW).optional();
    }

    /** The senior, if it exists and the viewer may see it (404, 403 otherwise). */
    public Senior get(long id, Viewer viewer) {
        Senior senior = find(id).orElseThrow(() -> ApiProblem.notFound("no senior " + id));
        viewer.checkMaySee(id);
        return senior;
    }

    public List<Senior> list(Viewer viewer) {
        if (viewer.seesEverySenior()) {
            return db.sql("select * from seniors order by id").query(ROW).list();
        }
        return db.sql(
                        "select s.* from seniors s join user_seniors u on u.senior_id = s.id where u.username = ? order by s.id")
                .param(viewer.username())
                .query(ROW)
                .list();
    }
}
