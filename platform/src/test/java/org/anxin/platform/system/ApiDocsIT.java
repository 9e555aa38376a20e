package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/api-docs} documents real response schemas: each endpoint named here answers 200
 * with a named component schema (or a list of one) that has properties, not an untyped object.
 */
class ApiDocsIT extends PlatformIT {
    private JsonNode docs;

    @BeforeEach
    void readDocs() {
        // springdoc builds the document on the first call, which can outlast one request's timeout on a busy machine
        docs = Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() -> anonymous().get("/v3/api-docs").expect(200).json(), doc -> doc != null);
    }

    @Test
    void alarmEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/alarms", "Alarm", "escalated", "seniorName", "status");
        assertTyped("get", "/api/alarms/{id}", "AlarmDetailView", "timeline", "notifications", "seniorName");
        assertTyped("get", "/api/alarms/{id}/record", "RecordView", "doorNotesShown", "contacts", "trail");
        assertTyped("get", "/api/seniors/{seniorId}/record-views", "RecordOpened", "username", "at");
        assertTyped("post", "/api/alarms/{id}/acknowledge", "Alarm", "status");
        assertTyped(
                "get", "/api/reports/answer-times", "AnswerTimesReport", "perOperator", "perDay", "within60sPercent");
    }

    @Test
    void theDashboardAnswersANamedSchemaWithProperties() {
        assertTyped("get", "/api/dashboard", "Dashboard", "seniors", "answering", "coverage", "subsidy");
    }

    @Test
    void dispatchEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/dispatch/alarms/{alarmId}", "DispatchView", "dispatchId", "status", "round");
        assertTyped("post", "/api/dispatch/alarms/{alarmId}", "DispatchView", "dispatchId", "status");
        assertTyped("get", "/api/responder/offers", "OfferView", "offerId", "dispatchId", "distanceMeters");
        assertTyped("get", "/api/responder/jobs", "DispatchView", "dispatchId", "status");
    }

    @Test
    void planEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/plans", "PlanView", "score", "constraints", "routes", "unplanned");
        assertTyped("post", "/api/plans", "PlanView", "revision", "routes");
        assertTyped("get", "/api/plans/mine", "StopView", "orderId", "arrivalAt", "startAt");
        assertTyped("get", "/api/plans/arrival", "Arrival", "arriveFrom", "arriveTo");
    }

    @Test
    void orderEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/orders/{id}", "OrderDetail", "itemName", "status", "window", "timeline", "anomalies");
        assertTyped("get", "/api/orders", "OrderView", "itemName", "status", "window", "responderName");
        assertTyped("post", "/api/orders/quote", "OrderQuote", "itemId", "itemName", "subsidy");
        // the booking answer is the order's fields plus the wallet's sentence, not a nested object
        assertTyped("post", "/api/orders", "OrderBooked", "id", "itemName", "status", "subsidy");
        assertTyped("get", "/api/catalog", "CatalogCategory", "code", "name", "items");
        assertThat(schema("FollowUpView").path("properties").propertyNames()).contains("order");
    }

    @Test
    void orderAmountsAreMoneyWithTheOldNumbersDeprecated() {
        assertThat(schema("Money").path("properties").propertyNames()).contains("fen", "yuan");
        for (String schema : List.of("OrderDetail", "OrderView", "OrderQuote", "OrderBooked")) {
            assertMoney(schema, "price", "subsidyPays", "seniorPays");
            assertDeprecated(
                    schema,
                    "priceYuan",
                    "subsidyYuan",
                    "seniorPaysYuan",
                    "priceCents",
                    "subsidyCents",
                    "seniorPaysCents");
        }
        assertMoney("CatalogItem", "price");
        assertDeprecated("CatalogItem", "priceYuan");
    }

    @Test
    void deviceAndPortalEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/devices/{id}", "Device", "online", "battery");
        assertTyped("post", "/api/devices/{id}/secret", "DeviceSecret", "id", "secret");
        assertTyped("get", "/api/devices/{id}/commands/{commandId}", "DeviceCommand", "params", "status");
        assertTyped("get", "/api/portal/config", "PortalConfig", "tileUrl", "center", "zone");
    }

    @Test
    void callCenterEndpointsAnswerNamedSchemasWithProperties() {
        assertTyped("get", "/api/calls", "Call", "callSid", "callerKind", "ivrPath");
        assertTyped("get", "/api/calls/{id}", "CallDetail", "card", "timeline", "tickets");
        assertTyped("get", "/api/calls/live", "CallCard", "call", "senior", "openAlarms", "recentCalls");
        assertTyped("get", "/api/tickets", "Ticket", "kind", "sla", "dueAt");
        assertTyped("post", "/api/tickets", "TicketDetail", "ticket", "timeline");
        assertTyped("get", "/api/reports/calls", "CallReport", "total", "perDay", "perHour");
        assertTyped("get", "/api/care-calls/checks", "CareCheck", "status", "attempts");
    }

    @Test
    void anUntypedMapIsNotTakenForASchema() {
        JsonNode untyped = HttpApi.JSON.readTree("{\"type\":\"object\",\"additionalProperties\":{}}");
        assertThat(componentOf(untyped)).isNull();
    }

    /** The 200 (or 201/202) response of the operation is the named schema and has these properties. */
    private void assertTyped(String method, String path, String schema, String... properties) {
        JsonNode operation = docs.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode())
                .as("%s %s in /v3/api-docs", method, path)
                .isFalse();
        JsonNode responses = operation.path("responses");
        JsonNode ok = responses.has("200") ? responses.get("200") : responses.path("201");
        List<JsonNode> schemas = new ArrayList<>();
        ok.path("content").forEach(media -> schemas.add(media.path("schema")));
        assertThat(schemas).as("%s %s: response content", method, path).isNotEmpty();
        for (JsonNode s : schemas) {
            String name = componentOf(s);
            assertThat(name)
                    .as("%s %s answers a named schema, not %s", method, path, s)
                    .isEqualTo(schema);
            JsonNode component = docs.path("components").path("schemas").path(name);
            assertThat(component.path("properties").propertyNames())
                    .as("properties of %s", name)
                    .contains(properties);
        }
    }

    private JsonNode schema(String name) {
        JsonNode component = docs.path("components").path("schemas").path(name);
        assertThat(component.isMissingNode())
                .as("schema %s in /v3/api-docs", name)
                .isFalse();
        return component;
    }

    /** Each of these properties of the schema is the {@code Money} schema. */
    private void assertMoney(String schema, String... properties) {
        JsonNode props = schema(schema).path("properties");
        for (String p : properties) {
            assertThat(componentOf(props.path(p)))
                    .as("%s.%s is Money, not %s", schema, p, props.path(p))
                    .isEqualTo("Money");
        }
    }

    /** Each of these properties of the schema is there and marked deprecated. */
    private void assertDeprecated(String schema, String... properties) {
        JsonNode props = schema(schema).path("properties");
        for (String p : properties) {
            assertThat(props.path(p).path("deprecated").asBoolean(false))
                    .as("%s.%s is deprecated: %s", schema, p, props.path(p))
                    .isTrue();
        }
    }

    /** The component a response schema names, directly or as the items of an array; null if none. */
    static String componentOf(JsonNode schema) {
        JsonNode ref =
                schema.has("$ref") ? schema.get("$ref") : schema.path("items").get("$ref");
        return ref == null ? null : ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
    }
}
