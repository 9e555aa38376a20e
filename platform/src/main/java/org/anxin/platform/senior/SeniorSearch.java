package org.anxin.platform.senior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.PhoneNumbers;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's search box ({@code GET /api/seniors?q=}): a part of the name, the address or the
 * community, the senior's or an emergency contact's phone (any way it is written, 4+ digits), or
 * the ID card's last four. The desk searches everyone; a FAMILY user only their own seniors;
 * others (responders, community officers, the bureau) see no care records through the general
 * API, so 403. Two or more Latin letters (and digits) are also matched against the pinyin initials of the name
 * (王秀英: "wxy", or a part of it; {@link NameInitials}).
 */
@Component
class SeniorSearch {
    static final int LIMIT = 50;

    private final JdbcClient db;

    SeniorSearch(JdbcClient db) {
        this.db = db;
    }

    /** A senior found, with what the desk needs to tell two 王秀英 apart. */
    record SeniorHit(
            long id,
            String name,
            String phone,
            String idCardLast4,
            String address,
            String community,
            LivingSituation livingSituation) {}

    List<SeniorHit> search(String query, Viewer viewer) {
        if (!viewer.isDesk() && viewer.role() != Role.FAMILY) {
            throw ApiProblem.forbidden("searching the senior registry is for the desk");
        }
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 100) {
            throw ApiProblem.badRequest("q must be 1–100 characters");
        }
        String like = "%"
                + q.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String digits = q.replaceAll("[^0-9]", "");
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(
                "(lower(s.name) like ? or lower(coalesce(s.address, '')) like ? or lower(coalesce(s.community, '')) like ?");
        params.add(like);
        params.add(like);
        params.add(like);
        if (q.matches("[A-Za-z][A-Za-z0-9]{1,19}")) {
            where.append(" or s.name_initials like ?");
            params.add("%" + q.toLowerCase(Locale.ROOT) + "%");
        }
        if (q.length() == 4) {
            where.append(" or s.id_card_last4 = ?");
            params.add(q.toUpperCase(Locale.ROOT));
        }
        if (digits.length() >= 4
                && digits.length() == q.replaceAll("[ +()-]", "").length()) {
            String key = PhoneNumbers.key(digits);
            String part = "%" + (key == null ? digits : key) + "%";
            where.append(" or ")
                    .append(PhoneNumbers.sqlKey("s.phone"))
                    .append(" like ? or exists (select 1 from emergency_contacts c where c.senior_id = s.id and ")
                    .append(PhoneNumbers.sqlKey("c.phone"))
                    .append(" like ?)");
            params.add(part);
            params.add(part);
        }
        where.append(")");
        if (!viewer.isDesk()) {
            where.append(" and s.id = any(?)");
            params.add(viewer.seniorIds().toArray(Long[]::new));
        }
        params.add(q);
        params.add(LIMIT);
        return db.sql("select s.id, s.name, s.phone, s.id_card_last4, s.address, s.community, s.living_situation"
                        + " from seniors s where " + where + " order by (s.name = ?) desc, s.id limit ?")
                .params(params)
                .query((rs, n) -> new SeniorHit(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("id_card_last4"),
                        rs.getString("address"),
                        rs.getString("community"),
                        rs.getString("living_situation") == null
                                ? null
                                : LivingSituation.valueOf(rs.getString("living_situation"))))
                .list();
    }
}
