package hotline.gateway.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The raw ceiling of the durable work a call costs, on the gateway's own PostgreSQL and broker with no gateway code
 * in between: per call, one transaction with one statement inserting a request, its ticket, assignment, event and
 * outbox row (copies of rows the gateway wrote, into tables made LIKE the gateway's, with the same indexes,
 * constraints and foreign keys), committed; then one persistent message of the outbox row's payload, sent with a
 * duplicate id in a broker transaction, committed; a consumer takes the messages away as offices would.
 */
final class DurableCeiling {

    /** Tables in the order intake writes them, and the column that links each to the one before. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("service_request", null);
        TABLES.put("ticket", "request_id");
        TABLES.put("ticket_assignment", "ticket_id");
        TABLES.put("ticket_event", "ticket_id");
        TABLES.put("outbox", "ticket_id");
    }

    private final String jdbcUrl;
    private final String brokerUrl;

    DurableCeiling(int dbPort, String brokerUrl) {
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres?user=postgres";
        this.brokerUrl = brokerUrl;
    }

    /** Transactions (calls' worth of durable work) per second with this many connections. */
    double measure(int connections, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        long done = run(connections, (worker, thread) -> {
            while (System.nanoTime() < end) {
                worker.call();
            }
        });
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "ceiling: %d transactions in %.1f s%n", done, elapsed);
        return done / elapsed;
    }

    /**
     * The same durable work at a fixed rate, sent on a schedule as the benchmark's fixed-rate phase sends its calls:
     * the database transaction's time (what a 201 waits for) and the whole call's (the broker's commit as well).
     */
    FixedRate atFixedRate(int perSecond, int seconds) throws Exception {
        int senders = 8;
        long interval = 1_000_000_000L / perSecond;
        long total = (long) perSecond * seconds;
        Latencies database = new Latencies();
        Latencies whole = new Latencies();
        long start = System.nanoTime() + 100_000_000L;
        run(senders, (worker, thread) -> {
            for (long n = thread; n < total; n += senders) {
                long wait = start + n * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sent = System.nanoTime();
                long committed = worker.call();
                database.add(committed - sent);
                whole.add(System.nanoTime() - sent);
            }
        });
        return new FixedRate(database, whole);
    }

    /** Database transaction and whole call times at a fixed rate. */
    record FixedRate(Latencies database, Latencies whole) {}

    /** What each connection's thread does with its worker. */
    private interface Work {
        void accept(Worker worker, int thread) throws Exception;
    }

    /** Runs {@code work} on {@code connections} threads, each with its worker; answers the calls they made. */
    private long run(int connections, Work work) throws Exception {
        Insert insert = prepare();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                brokerUrl,
                System.getProperty("brokerUser", "gateway"),
                System.getProperty("brokerPassword", "gateway-local"));
        try (Connection broker = factory.createConnection()) {
            Session drain = broker.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            drain.createConsumer(drain.createQueue("bench.ceiling")).setMessageListener(message -> {});
            broker.start();
            AtomicLong counter = new AtomicLong();
            String run = String.valueOf(System.nanoTime());
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int index = i;
                Thread thread = new Thread(() -> {
                    try (java.sql.Connection db = DriverManager.getConnection(jdbcUrl);
                            Session session = broker.createSession(true, Session.SESSION_TRANSACTED)) {
                        work.accept(new Worker(insert, db, session, counter, run), index);
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("ceiling failed", failures.get(0));
            }
            return counter.get();
        }
    }

    /** One connection's durable work per call: the insert committed, then one persistent message committed. */
    private static final class Worker {

        private final Insert insert;
        private final java.sql.Connection db;
        private final PreparedStatement statement;
        private final Session session;
        private final MessageProducer producer;
        private final AtomicLong counter;
        private final String run;

        Worker(Insert insert, java.sql.Connection db, Session session, AtomicLong counter, String run)
                throws Exception {
            this.insert = insert;
            this.db = db;
            this.session = session;
            this.counter = counter;
            this.run = run;
            db.setAutoCommit(false);
            this.statement = db.prepareStatement(insert.sql());
            this.producer = session.createProducer(session.createQueue("bench.ceiling"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }

        /** One call's work; answers {@link System#nanoTime()} when the database had committed. */
        long call() throws Exception {
            long n = counter.incrementAndGet();
            insert.bind(statement, n);
            statement.execute();
            db.commit();
            long committed = System.nanoTime();
            TextMessage message = session.createTextMessage(insert.payload());
            message.setStringProperty("_AMQ_DUPL_ID", "ceiling-" + run + "-" + n);
            message.setStringProperty("messageType", "TICKET_DISPATCH");
            producer.send(message, DeliveryMode.PERSISTENT, 4, 0);
            session.commit();
            return committed;
        }
    }

    /** Makes the copy tables and reads one row of each of the gateway's tables to copy. */
    private Insert prepare() throws SQLException {
        try (java.sql.Connection db = DriverManager.getConnection(jdbcUrl);
                Statement ddl = db.createStatement()) {
            String previous = null;
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                String copy = "bench_" + table.getKey();
                ddl.execute("DROP TABLE IF EXISTS " + copy + " CASCADE");
                ddl.execute("CREATE TABLE " + copy + " (LIKE " + table.getKey() + " INCLUDING ALL)");
                if (table.getValue() != null) {
                    String parent = "bench_" + (table.getKey().equals("ticket") ? "service_request" : "ticket");
                    ddl.execute("ALTER TABLE " + copy + " ADD FOREIGN KEY (" + table.getValue() + ") REFERENCES "
                            + parent + " (id)");
                }
                previous = copy;
            }
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                rows.add(Row.read(db, table.getKey(), table.getValue()));
            }
            return Insert.of(rows, previous);
        }
    }

    /**
     * One template row of a table: the columns to insert (not its identity, not its link), their values, and per
     * unique index its text column defined last (external_id rather than source), which each copy changes.
     */
    record Row(String table, String link, List<String> columns, List<Object> values, Set<String> unique) {

        static Row read(java.sql.Connection db, String table, String link) throws SQLException {
            Set<String> unique = uniqueTextColumns(db, table);
            try (Statement select = db.createStatement();
                    ResultSet rs = select.executeQuery("SELECT * FROM " + table + " ORDER BY id DESC LIMIT 1")) {
                if (!rs.next()) {
                    throw new IllegalStateException(table + " has no row to copy: run the load first");
                }
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String column = rs.getMetaData().getColumnName(i);
                    if (column.equals("id") || column.equals(link)) {
                        continue;
                    }
                    columns.add(column);
                    values.add(rs.getObject(i));
                }
                return new Row(table, link, columns, values, unique);
            }
        }

        private static Set<String> uniqueTextColumns(java.sql.Connection db, String table) throws SQLException {
            String sql = """
                    SELECT DISTINCT ON (i.indexrelid) a.attname FROM pg_index i
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                    WHERE i.indrelid = ?::regclass AND i.indisunique AND a.atttypid = 'text'::regtype
                    ORDER BY i.indexrelid, a.attnum DESC
                    """;
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setString(1, table);
                try (ResultSet rs = statement.executeQuery()) {
                    Set<String> columns = new java.util.HashSet<>();
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                    return columns;
                }
            }
        }
    }

    /** The single statement, as intake's: each insert takes the id the one before returned. */
    record Insert(String sql, List<Row> rows, String payload) {

        static Insert of(List<Row> rows, String unused) {
            StringBuilder sql = new StringBuilder("WITH ");
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String columns = String.join(", ", row.columns());
                String marks = String.join(
                        ", ", java.util.Collections.nCopies(row.columns().size(), "?"));
                boolean last = i == rows.size() - 1;
                if (!last) {
                    sql.append(i == 0 ? "" : ", ").append(row.table()).append("_row AS (");
                }
                if (row.link() == null) {
                    sql.append("INSERT INTO bench_")
                            .append(row.table())
                            .append(" (")
                            .append(columns)
                            .append(") VALUES (")
                            .append(marks)
                            .append(") RETURNING id");
                } else {
                    String parent = row.table().equals("ticket") ? "service_request_row" : "ticket_row";
                    sql.append("INSERT INTO bench_")
                            .append(row.table())
                            .append(" (")
                            .append(row.link())
                            .append(", ")
                            .append(columns)
                            .append(") SELECT ")
                            .append(parent)
                            .append(".id, ")
                            .append(marks)
                            .append(" FROM ")
                            .append(parent);
                    if (row.table().equals("ticket")) {
                        sql.append(" RETURNING id");
                    }
                }
                if (!last) {
                    sql.append(")");
                }
                sql.append(last ? "" : " ");
            }
            Row outbox = rows.get(rows.size() - 1);
            String payload = (String) outbox.values().get(outbox.columns().indexOf("payload"));
            return new Insert(sql.toString().replace("WITH  ", "WITH "), rows, payload);
        }

        void bind(PreparedStatement statement, long n) throws SQLException {
            int index = 1;
            for (Row row : rows) {
                for (int i = 0; i < row.columns().size(); i++) {
                    Object value = row.values().get(i);
                    if (row.unique().contains(row.columns().get(i)) && value instanceof String text) {
                        value = unique(text, n);
                    }
                    statement.setObject(index++, value);
                }
            }
        }

        /** The value with its tail replaced by the call's number in nine digits, so it keeps its length and shape. */
        private static String unique(String text, long n) {
            String digits = String.format(Locale.ROOT, "%09d", n);
            return text.length() > digits.length()
                    ? text.substring(0, text.length() - digits.length()) + digits
                    : digits;
        }
    }
}
