package org.anxin.platform.callcenter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who takes calls now: desk staff put themselves on duty from the calls page; the line rings
 * their phones (their user's phone number), round-robin. Supervisors are the overflow.
 */
@Component
class Duty {
    private final JdbcClient db;
    private final Accounts accounts;

    Duty(JdbcClient db, Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** Someone whose phone the line can ring. */
    record Agent(String username, String phone) {}

    void on(String username, Instant now) {
        db.sql("insert into call_duty (username, since) values (?, ?) on conflict (username) do nothing")
                .params(username, Timestamp.from(now))
                .update();
    }

    void off(String username) {
        db.sql("delete from call_duty where username = ?").param(username).update();
    }

    boolean isOn(String username) {
        return db.sql("select count(*) from call_duty where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Staff on duty who have a phone number, by username (the round-robin order). */
    List<Agent> operators() {
        return db.sql("select username from call_duty order by username").query(String.class).list().stream()
                .map(username -> accounts.find(username).orElse(null))
                .filter(Objects::nonNull)
                .filter(user -> user.phone() != null && !user.phone().isBlank())
                .map(user -> new Agent(user.username(), user.phone().strip()))
                .toList();
    }

    /** Every supervisor with a phone number: rung together when the operators cannot take a call. */
    List<Agent> supervisors() {
        return accounts.withRole(Role.SUPERVISOR).stream()
                .filter(user -> user.phone() != null && !user.phone().isBlank())
                .map(user -> new Agent(user.username(), user.phone().strip()))
                .toList();
    }
}
