package org.anxin.platform.senior;

import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.system.SeniorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many seniors are enrolled, per community and living situation: one grouped query. */
@Component
public class Enrolment {
    /** Seniors of one community (null: none recorded) and living situation (null: not recorded). */
    public record Count(String community, String livingSituation, long seniors) {}

    /** A senior's home position. */
    public record Home(long seniorId, double lat, double lon) {}

    private final JdbcClient db;

    Enrolment(JdbcClient db) {
        this.db = db;
    }

    public List<Count> count(SeniorScope scope) {
        List<Object> params = new ArrayList<>(List.of(scope.params()));
        return db.sql("select community, living_situation, count(*) as seniors from seniors where "
                        + scope.where("id") + " group by community, living_situation"
                        + " order by community nulls last, living_situation nulls last")
                .params(params)
                .query((rs, n) ->
                        new Count(rs.getString("community"), rs.getString("living_situation"), rs.getLong("seniors")))
                .list();
    }

    /** The homes (with a position) of the seniors in scope. */
    public List<Home> homes(SeniorScope scope) {
        return db.sql("select id, lat, lon from seniors where lat is not null and lon is not null and "
                        + scope.where("id") + " order by id")
                .params(List.of(scope.params()))
                .query((rs, n) -> new Home(rs.getLong("id"), rs.getDouble("lat"), rs.getDouble("lon")))
                .list();
    }
}
