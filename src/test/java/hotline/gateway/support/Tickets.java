package hotline.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotline.gateway.support.GatewayClient.Response;
import java.util.Map;
import java.util.UUID;

/** Makes tickets through the API and sends their events, as the hotline system and the offices do. */
public final class Tickets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient gateway;
    private final GatewayClient sender;
    private final boolean systemUser;

    /**
     * Events are sent as the gateway's system user, acting for the office each event names; an event that names
     * none acts for the office that would send it (see {@link #actingOffice}).
     */
    public Tickets(GatewayClient gateway) {
        this(gateway, gateway.as("gateway", "gateway-local"), true);
    }

    private Tickets(GatewayClient gateway, GatewayClient sender, boolean systemUser) {
        this.gateway = gateway;
        this.sender = sender;
        this.systemUser = systemUser;
    }

    /** Events sent as this broker user (an office, a desk, the hotline) instead. */
    public Tickets as(String user, String password) {
        return new Tickets(gateway, gateway.as(user, password), false);
    }

    /** A call for a town (by its code) about an elderly man living alone; returns the ticket number. */
    public String newCall(String townCode, boolean urgent) {
        return newCallResponse(townCode, urgent).json().get("ticketNo").asText();
    }

    public Response newCallResponse(String townCode, boolean urgent) {
        return newCallResponse(townCode, urgent, "2026-02-13T09:55:00+08:00");
    }

    /** A call the hotline received at the given time (ISO-8601 with offset). */
    public Response newCallResponse(String townCode, boolean urgent, String receivedAt) {
        ObjectNode call = JSON.createObjectNode();
        call.put("callId", "WF-" + UUID.randomUUID());
        call.put("receivedAt", receivedAt);
        call.putObject("location").put("townCode", townCode);
        call.put("content", "来电人反映父亲82岁独居，最近行动不便，一日三餐成问题，希望街道安排助餐和上门探访。");
        call.put("urgent", urgent);
        Response response = gateway.postJson("/api/v1/calls", call.toString());
        if (response.status() != 201) {
            throw new IllegalStateException("call not accepted: " + response.body());
        }
        return response;
    }

    /** Posts an event with a fresh eventId; fields are added as given (strings and numbers). */
    public Response event(String ticketNo, String type, Map<String, Object> fields) {
        return eventWithId(ticketNo, "ev-" + UUID.randomUUID(), type, fields);
    }

    public Response eventWithId(String ticketNo, String eventId, String type, Map<String, Object> fields) {
        Map<String, Object> sent = fields;
        if (systemUser && !fields.containsKey("office")) {
            sent = new java.util.HashMap<>(fields);
            sent.put("office", actingOffice(ticketNo, type));
        }
        return sender.postJson("/api/v1/tickets/" + ticketNo + "/events", eventJson(null, eventId, type, sent));
    }

    /** Who sends this type of event for the ticket as it stands: its office, its district, or the hotline. */
    private String actingOffice(String ticketNo, String type) {
        String office = ticket(ticketNo).json().at("/assignedTo/code").asText();
        return switch (type) {
            case "CALLBACK", "CLOSE" -> "hotline";
            case "EXTEND_APPROVE", "EXTEND_REJECT" -> office.length() == 9 ? office.substring(0, 6) : office;
            default -> office;
        };
    }

    /** The event JSON; with a ticketNo for the ticket-events queue. */
    public static String eventJson(String ticketNo, String eventId, String type, Map<String, Object> fields) {
        ObjectNode event = JSON.createObjectNode();
        if (ticketNo != null) {
            event.put("ticketNo", ticketNo);
        }
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("actor", "staff-07");
        fields.forEach((name, value) -> {
            if (value instanceof Integer number) {
                event.put(name, number);
            } else {
                event.put(name, String.valueOf(value));
            }
        });
        return event.toString();
    }

    public Response ticket(String ticketNo) {
        return gateway.get("/api/v1/tickets/" + ticketNo);
    }
}
