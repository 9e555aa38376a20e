package org.anxin.platform.senior;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills in the pinyin initials of seniors enrolled before the column existed (or written by
 * hand into the table), a batch at a time, once the platform is up. Every node may run it: a row
 * already filled is skipped.
 */
@Component
class NameInitialsBackfill {
    private static final Logger log = LoggerFactory.getLogger(NameInitialsBackfill.class);
    private static final int BATCH = 500;

    private final JdbcClient db;

    NameInitialsBackfill(JdbcClient db) {
        this.db = db;
    }

    record Row(long id, String name) {}

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        int filled = 0;
        List<Row> rows;
        do {
            rows = db.sql("select id, name from seniors where name_initials is null and name is not null"
                            + " order by id limit ?")
                    .param(BATCH)
                    .query(Row.class)
                    .list();
            for (Row row : rows) {
                filled += db.sql("update seniors set name_initials = ? where id = ? and name_initials is null")
                        .params(NameInitials.of(row.name()), row.id())
                        .update();
            }
        } while (rows.size() == BATCH);
        if (filled > 0) {
            log.info("filled in the pinyin initials of {} seniors", filled);
        }
    }
}
