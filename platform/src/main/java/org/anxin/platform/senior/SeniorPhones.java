package org.anxin.platform.senior;

import java.util.List;
import org.anxin.platform.system.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who a phone number belongs to among the seniors and their emergency contacts: the 12349 line
 * knows a caller before the operator answers. Numbers match however they were written
 * ({@link PhoneNumbers#key}).
 */
@Service
public class SeniorPhones {
    private final JdbcClient db;

    SeniorPhones(JdbcClient db) {
        this.db = db;
    }

    /** An emergency contact with this number, and whose contact they are. */
    public record ContactOf(long seniorId, String seniorName, SeniorRecord.Contact contact) {}

    /** Seniors whose own phone is this number, lowest id first. */
    public List<Senior> seniors(String phone) {
        String key = PhoneNumbers.key(phone);
        if (key == null) {
            return List.of();
        }
        return db.sql("select id, name, phone, address, lat, lon, community from seniors where "
                        + PhoneNumbers.sqlKey("phone") + " = ? order by id")
                .param(key)
                .query((rs, n) -> new Senior(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("address"),
                        (Double) rs.getObject("lat"),
                        (Double) rs.getObject("lon"),
                        rs.getString("community")))
                .list();
    }

    /** Emergency contacts with this number, by senior then call order. */
    public List<ContactOf> contacts(String phone) {
        String key = PhoneNumbers.key(phone);
        if (key == null) {
            return List.of();
        }
        return db.sql("select c.senior_id, s.name as senior_name, c.position, c.name, c.relation, c.phone"
                        + " from emergency_contacts c join seniors s on s.id = c.senior_id where "
                        + PhoneNumbers.sqlKey("c.phone") + " = ? order by c.senior_id, c.position")
                .param(key)
                .query((rs, n) -> new ContactOf(
                        rs.getLong("senior_id"),
                        rs.getString("senior_name"),
                        new SeniorRecord.Contact(
                                rs.getInt("position"),
                                rs.getString("name"),
                                rs.getString("relation"),
                                rs.getString("phone"))))
                .list();
    }
}
