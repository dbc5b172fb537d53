package dev.quarry.datasets;

import dev.quarry.streams.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The SQL side of {@link Database#stats}. */
final class Counts {

    private Counts() {
    }

    static DatasetStats of(Connection c, long datasetId, String dataset, Map<String, Long> byLabel)
            throws SQLException {
        long[] totals = new long[3];
        try (PreparedStatement s = prepare(c, "SELECT COUNT(*), COUNT(DISTINCT task_hash), COUNT(DISTINCT input_hash)"
                + " FROM examples WHERE dataset_id = ?", datasetId); ResultSet rs = s.executeQuery()) {
            rs.next();
            for (int i = 0; i < 3; i++) {
                totals[i] = rs.getLong(i + 1);
            }
        }
        Map<Answer, Long> byAnswer = new EnumMap<>(Answer.class);
        groups(c, "SELECT answer, COUNT(*) FROM examples WHERE dataset_id = ? GROUP BY answer", datasetId)
                .forEach((answer, n) -> byAnswer.put(Answer.parse(answer), n));
        Map<String, Long> bySession = groups(c, "SELECT s.name, COUNT(*) FROM examples e JOIN sessions s"
                + " ON s.id = e.session_id WHERE e.dataset_id = ? GROUP BY s.name", datasetId);
        return new DatasetStats(dataset, totals[0], totals[1], totals[2], byAnswer, byLabel, bySession);
    }

    private static Map<String, Long> groups(Connection c, String sql, long datasetId) throws SQLException {
        Map<String, Long> groups = new HashMap<>();
        try (PreparedStatement s = prepare(c, sql, datasetId); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                groups.put(rs.getString(1), rs.getLong(2));
            }
        }
        return groups;
    }

    private static PreparedStatement prepare(Connection c, String sql, long datasetId) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setLong(1, datasetId);
        return statement;
    }
}
