package org.huian.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code attachments} (V12). */
@Repository
class AttachmentRepository {

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(AttachmentRow r) {
    jdbc.sql("INSERT INTO attachments (id, owner_kind, owner_no, step, caption, file_name, content_type, size_bytes, "
            + "width, height, store, thumbnail_type, uploaded_by, client_ref, batch_position, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(r.id(), r.owner().name(), r.ownerNo(), r.step(), r.caption(), r.fileName(), r.contentType(), r.size(),
            r.width(), r.height(), r.store(), r.thumbnailType(), r.uploadedBy(), r.clientRef(), r.position(),
            Timestamp.from(r.createdAt()))
        .update();
  }

  Optional<AttachmentRow> find(String id) {
    return jdbc.sql("SELECT * FROM attachments WHERE id = ?").param(id).query(AttachmentRepository::map).optional();
  }

  List<AttachmentRow> list(AttachmentOwner owner, String ownerNo) {
    return jdbc.sql("SELECT * FROM attachments WHERE owner_kind = ? AND owner_no = ? ORDER BY created_at, batch_position, id")
        .params(owner.name(), ownerNo).query(AttachmentRepository::map).list();
  }

  List<AttachmentRow> byClientRef(AttachmentOwner owner, String ownerNo, String clientRef) {
    return jdbc.sql("SELECT * FROM attachments WHERE owner_kind = ? AND owner_no = ? AND client_ref = ? ORDER BY batch_position")
        .params(owner.name(), ownerNo, clientRef).query(AttachmentRepository::map).list();
  }

  int countStep(AttachmentOwner owner, String ownerNo, String step) {
    return jdbc.sql("SELECT COUNT(*) FROM attachments WHERE owner_kind = ? AND owner_no = ? AND COALESCE(step, '') = ?")
        .params(owner.name(), ownerNo, step == null ? "" : step).query(Integer.class).single();
  }

  int delete(AttachmentOwner owner, String ownerNo) {
    return jdbc.sql("DELETE FROM attachments WHERE owner_kind = ? AND owner_no = ?").params(owner.name(), ownerNo).update();
  }

  private static AttachmentRow map(ResultSet rs, int n) throws SQLException {
    return new AttachmentRow(rs.getString("id"), AttachmentOwner.valueOf(rs.getString("owner_kind")), rs.getString("owner_no"),
        rs.getString("step"), rs.getString("caption"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), (Integer) rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
        rs.getString("store"), rs.getString("thumbnail_type"), rs.getString("uploaded_by"), rs.getString("client_ref"),
        rs.getInt("batch_position"), instant(rs.getTimestamp("created_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
