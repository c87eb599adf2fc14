package org.huian.attachment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos and PDFs of cases, their handling steps and agreements, and of grid reports
 * (docs/attachments.md). Checking ({@link #prepare}) and storing ({@link #store}) are separate, so
 * a caller can check every file before it writes anything of its own, and store them in its own
 * transaction. Who may see or add files is the caller's business (the owner's scope).
 */
@Service
public class AttachmentService {

  /** Longest step name, caption and client reference. */
  static final int MAX_STEP = 64;
  static final int MAX_CAPTION = 200;
  static final int MAX_CLIENT_REF = 64;

  private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

  private final AttachmentRepository rows;
  private final AttachmentStore store;
  private final AttachmentProperties properties;
  private final FileInspector inspector;

  AttachmentService(AttachmentRepository rows, AttachmentStore store, AttachmentProperties properties) {
    this.rows = rows;
    this.store = store;
    this.properties = properties;
    this.inspector = new FileInspector(properties);
  }

  /**
   * Checks every file (type by Tika: 415; more than 10 MB, or more pixels than the limit: 413; does
   * not decode: 400; more than 9: 400), re-encodes images (all metadata gone), reads the EXIF GPS
   * once. Stores nothing. Errors name the field "file" (one upload) or "files[i]".
   */
  public List<PreparedFile> prepare(List<Upload> uploads) {
    if (uploads == null || uploads.isEmpty()) {
      throw new InvalidRequestException("file", "请选择要上传的文件");
    }
    if (uploads.size() > properties.maxFilesPerStep()) {
      throw new InvalidRequestException("files", "一次最多上传 " + properties.maxFilesPerStep() + " 个文件，本次 " + uploads.size() + " 个");
    }
    List<PreparedFile> prepared = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    HttpStatus status = null;
    for (int i = 0; i < uploads.size(); i++) {
      String field = uploads.size() == 1 ? "file" : "files[" + i + "]";
      try {
        prepared.add(inspector.prepare(uploads.get(i), field));
      } catch (FileInspector.Refused e) {
        errors.add(e.error);
        status = status == null ? e.status : status;
      }
    }
    if (!errors.isEmpty()) {
      if (status == HttpStatus.BAD_REQUEST) {
        throw new InvalidRequestException(errors);
      }
      String detail = errors.size() == 1 ? errors.get(0).message() : "有 " + errors.size() + " 个文件未通过检查，均未保存";
      throw new ProblemException(status, detail, errors, null);
    }
    return List.copyOf(prepared);
  }

  /**
   * Stores all or nothing, in the caller's transaction if there is one; refuses (400) when the
   * owner's step would hold more than 9. clientRef (nullable, ≤ 64 chars) makes a repeat upload of
   * the same (owner, ownerNo, clientRef) return the stored attachments.
   */
  @Transactional
  public List<Attachment> store(AttachmentOwner owner, String ownerNo, String step, String caption,
      List<PreparedFile> files, String uploadedBy, String clientRef) {
    String normalisedStep = blankToNull(step);
    String normalisedCaption = blankToNull(caption);
    String ref = blankToNull(clientRef);
    check(owner, ownerNo, normalisedStep, normalisedCaption, files, uploadedBy, ref);
    if (ref != null) {
      List<AttachmentRow> existing = rows.byClientRef(owner, ownerNo, ref);
      if (!existing.isEmpty()) {
        return existing.stream().map(AttachmentRow::view).toList();
      }
    }
    int held = rows.countStep(owner, ownerNo, normalisedStep);
    if (held + files.size() > properties.maxFilesPerStep()) {
      throw new InvalidRequestException(files.size() == 1 ? "file" : "files",
          "每个环节最多 " + properties.maxFilesPerStep() + " 个文件，该环节已有 " + held + " 个，本次 " + files.size() + " 个");
    }
    List<String> written = new ArrayList<>();
    boolean cleanUp = !store.transactional();
    if (cleanUp && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            deleteQuietly(written);
          }
        }
      });
      cleanUp = false;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<Attachment> stored = new ArrayList<>();
    try {
      for (int i = 0; i < files.size(); i++) {
        PreparedFile f = files.get(i);
        String id = UUID.randomUUID().toString();
        written.add(AttachmentRow.contentKey(id));
        store.put(AttachmentRow.contentKey(id), f.contentType(), f.content());
        if (f.thumbnail() != null) {
          written.add(AttachmentRow.thumbnailKey(id));
          store.put(AttachmentRow.thumbnailKey(id), f.thumbnailType(), f.thumbnail());
        }
        AttachmentRow row = new AttachmentRow(id, owner, ownerNo, normalisedStep, normalisedCaption, f.fileName(),
            f.contentType(), f.size(), f.width(), f.height(), store.name(),
            f.thumbnail() == null ? null : f.thumbnailType(), uploadedBy, ref, i, now);
        rows.insert(row);
        stored.add(row.view());
      }
    } catch (RuntimeException e) {
      if (cleanUp) {
        deleteQuietly(written);
      }
      throw e;
    }
    return List.copyOf(stored);
  }

  /** The attachments of one owner, oldest first. */
  public List<Attachment> list(AttachmentOwner owner, String ownerNo) {
    return rows.list(owner, ownerNo).stream().map(AttachmentRow::view).toList();
  }

  /** The attachments stored earlier with this client reference (empty when none). */
  public List<Attachment> existing(AttachmentOwner owner, String ownerNo, String clientRef) {
    if (clientRef == null || clientRef.isBlank()) {
      return List.of();
    }
    String ref = clientRef.strip();
    if (ref.length() > MAX_CLIENT_REF || !ref.matches("[A-Za-z0-9._:-]+")) {
      return List.of(); // no stored reference looks like this; store() refuses it with 400 (PostgreSQL rejects a NUL in a query)
    }
    return rows.byClientRef(owner, ownerNo, ref).stream().map(AttachmentRow::view).toList();
  }

  /** One attachment by id; the caller checks that the user may see its owner. */
  public Optional<Attachment> find(String id) {
    return row(id).map(AttachmentRow::view);
  }

  /** The stored (re-encoded) bytes of an attachment. */
  public Optional<byte[]> content(String id) {
    return row(id).flatMap(r -> store.get(AttachmentRow.contentKey(r.id())));
  }

  /** The thumbnail's bytes (JPEG, or PNG for images with transparency); empty when there is none. */
  public Optional<byte[]> thumbnail(String id) {
    return row(id).filter(r -> r.thumbnailType() != null).flatMap(r -> store.get(AttachmentRow.thumbnailKey(r.id())));
  }

  /** The type of the thumbnail, or empty. */
  public Optional<String> thumbnailType(String id) {
    return row(id).map(AttachmentRow::thumbnailType);
  }

  /** Deletes the files and their thumbnails of one owner (retention, erasure); returns how many. */
  @Transactional
  public int purge(AttachmentOwner owner, String ownerNo) {
    List<AttachmentRow> all = rows.list(owner, ownerNo);
    if (all.isEmpty()) {
      return 0;
    }
    List<String> keys = new ArrayList<>();
    for (AttachmentRow r : all) {
      keys.add(AttachmentRow.contentKey(r.id()));
      if (r.thumbnailType() != null) {
        keys.add(AttachmentRow.thumbnailKey(r.id()));
      }
    }
    int deleted = rows.delete(owner, ownerNo);
    if (store.transactional()) {
      keys.forEach(store::delete);
    } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deleteQuietly(keys);
        }
      });
    } else {
      deleteQuietly(keys);
    }
    return deleted;
  }

  private Optional<AttachmentRow> row(String id) {
    if (id == null || id.length() != 36) {
      return Optional.empty();
    }
    return rows.find(id);
  }

  private void check(AttachmentOwner owner, String ownerNo, String step, String caption, List<PreparedFile> files,
      String uploadedBy, String clientRef) {
    if (owner == null || ownerNo == null || ownerNo.isBlank() || uploadedBy == null || uploadedBy.isBlank()) {
      throw new IllegalArgumentException("owner, ownerNo and uploadedBy are required");
    }
    List<FieldError> errors = new ArrayList<>();
    text(errors, "step", step, MAX_STEP);
    text(errors, "caption", caption, MAX_CAPTION);
    if (clientRef != null && (clientRef.length() > MAX_CLIENT_REF || !clientRef.matches("[A-Za-z0-9._:-]+"))) {
      errors.add(new FieldError("clientRef", "须为不超过 " + MAX_CLIENT_REF + " 个字符的字母、数字或 . _ : -"));
    }
    if (files == null || files.isEmpty()) {
      errors.add(new FieldError("file", "请选择要上传的文件"));
    } else if (files.size() > properties.maxFilesPerStep()) {
      errors.add(new FieldError("files", "一次最多上传 " + properties.maxFilesPerStep() + " 个文件"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      errors.add(new FieldError(field, "含有不可见的控制字符"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void deleteQuietly(List<String> keys) {
    for (String key : keys) {
      try {
        store.delete(key);
      } catch (RuntimeException e) {
        log.warn("could not delete attachment object {} after a rollback or purge: {}", key, e.toString());
      }
    }
  }
}
