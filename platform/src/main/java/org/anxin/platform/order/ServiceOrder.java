package org.anxin.platform.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.anxin.platform.system.Money;

/**
 * One booked home visit, with the item and price as they were when it was booked; from check-in
 * on also the worker's provider then (whose statement settles it) and, for a check-in beyond the
 * distance, the worker's reason.
 */
record ServiceOrder(
        long id,
        long seniorId,
        long itemId,
        String itemName,
        String skill,
        int durationMinutes,
        Money price,
        Money subsidy,
        Money seniorPays,
        Instant windowFrom,
        Instant windowTo,
        String notes,
        OrderStatus status,
        Long responderId,
        Integer etaSeconds,
        String bookedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant arrivedAt,
        Integer arrivedMeters,
        Instant startedAt,
        Instant completedAt,
        Double checkoutLat,
        Double checkoutLon,
        Integer checkoutMeters,
        Integer serviceMinutes,
        Integer stars,
        String ratingComment,
        Instant ratedAt,
        Instant closedAt,
        String farReason,
        Long providerId) {

    static ServiceOrder of(ResultSet rs) throws SQLException {
        return new ServiceOrder(
                rs.getLong("id"),
                rs.getLong("senior_id"),
                rs.getLong("item_id"),
                rs.getString("item_name"),
                rs.getString("skill"),
                rs.getInt("duration_minutes"),
                Money.ofFen(rs.getLong("price_cents")),
                Money.ofFen(rs.getLong("subsidy_cents")),
                Money.ofFen(rs.getLong("senior_pays_cents")),
                instant(rs, "window_from"),
                instant(rs, "window_to"),
                rs.getString("notes"),
                OrderStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("responder_id"),
                (Integer) rs.getObject("eta_seconds"),
                rs.getString("booked_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "arrived_at"),
                (Integer) rs.getObject("arrived_meters"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                (Double) rs.getObject("checkout_lat"),
                (Double) rs.getObject("checkout_lon"),
                (Integer) rs.getObject("checkout_meters"),
                (Integer) rs.getObject("service_minutes"),
                (Integer) rs.getObject("stars"),
                rs.getString("rating_comment"),
                instant(rs, "rated_at"),
                instant(rs, "closed_at"),
                rs.getString("far_reason"),
                (Long) rs.getObject("provider_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
