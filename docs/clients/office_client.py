#!/usr/bin/env python3
"""A town office over STOMP (Debian: apt-get install python3-stomp): takes a ticket from tickets.<town>, signs for it
and resolves it on ticket-events, and reads the result of each event on ticket-results.<town>.
    python3 office_client.py 310104003 [ticketNo]
BROKER_HOST (localhost), BROKER_PORT (61616), BROKER_USER (office-<town>), BROKER_PASSWORD (office-local)."""
import json, os, queue, sys, uuid
import stomp


class Inbox(stomp.ConnectionListener):
    def __init__(self):
        self.frames = queue.Queue()

    def on_message(self, frame):
        self.frames.put(frame)


def next_frame(inbox, subscription, what):
    try:
        while True:  # frames of the other subscription (more tickets) wait for another run
            frame = inbox.frames.get(timeout=30)
            if frame.headers["subscription"] == subscription:
                return frame
    except queue.Empty:
        sys.exit("no " + what + " within 30 s")


town = sys.argv[1] if len(sys.argv) > 1 else "310104003"
only_ticket = " AND ticketNo = '%s'" % sys.argv[2] if len(sys.argv) > 2 else ""
env = os.environ.get
# Without content-length the broker takes the body as text, as JMS offices and the gateway do.
conn = stomp.Connection12([(env("BROKER_HOST", "localhost"), int(env("BROKER_PORT", "61616")))],
                          auto_content_length=False)
inbox = Inbox()
conn.set_listener("", inbox)
conn.connect(env("BROKER_USER", "office-" + town), env("BROKER_PASSWORD", "office-local"), wait=True)
conn.subscribe("tickets." + town, id="tickets", ack="client-individual",
               headers={"selector": "messageType = 'TICKET_DISPATCH'" + only_ticket})
ticket_frame = next_frame(inbox, "tickets", "ticket on tickets." + town)
ticket_no = json.loads(ticket_frame.body)["ticketNo"]
print("ticket", ticket_no, ticket_frame.body)
for event_type, extra in (("SIGN", {}), ("RESOLVE", {"result": "Visited; meals arranged"})):
    event_id = "%s-%s" % (event_type.lower(), uuid.uuid4())
    event = dict(ticketNo=ticket_no, eventId=event_id, type=event_type, actor="sample-client", **extra)
    conn.send("ticket-events", json.dumps(event), content_type="application/json")
    conn.subscribe("ticket-results." + town, id=event_id, ack="auto", headers={"selector": "eventId = '%s'" % event_id})
    result = next_frame(inbox, event_id, "result of " + event_type)
    conn.unsubscribe(event_id)
    if json.loads(result.body)["outcome"] != "ACCEPTED":
        sys.exit(event_type + " not accepted: " + result.body)
    print(event_type, "result:", result.body)
conn.ack(ticket_frame.headers["ack"])  # the ticket leaves the queue once it is resolved
conn.disconnect()
