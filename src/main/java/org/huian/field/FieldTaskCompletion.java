package org.huian.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.huian.attachment.Attachment;
import org.huian.attachment.AttachmentOwner;
import org.huian.attachment.AttachmentService;
import org.huian.attachment.PreparedFile;
import org.huian.attachment.Upload;
import org.huian.cases.CaseHandling;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * A grid worker completes a grid-level handling task (处置案件 at level GRID) from the app, as
 * "resolved", with a photo of the result. The photo and the task's completion share one
 * transaction: when the engine refuses the answer, no photo stays behind, and when the photo is
 * refused the task stays open.
 */
@Service
class FieldTaskCompletion {

  /** The attachment step of a result photo, as the caseworkers' uploads name it. */
  static final String STEP = "处置后";
  static final String CAPTION = "网格员现场处置结果";

  private final FieldService field;
  private final AttachmentService attachments;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  FieldTaskCompletion(FieldService field, AttachmentService attachments, TaskService tasks, IdentityService identity,
      PlatformTransactionManager transactions) {
    this.field = field;
    this.attachments = attachments;
    this.tasks = tasks;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  FieldViews.Completed complete(String taskId, String actionsTaken, List<MultipartFile> files, String clientRef, CurrentUser user) {
    Task task = field.openTask(taskId, user);
    String caseNo = field.caseNoOf(task);
    List<FieldError> errors = new ArrayList<>();
    if (actionsTaken == null || actionsTaken.isBlank()) {
      errors.add(new FieldError("actionsTaken", "请填写处置措施及经过"));
    }
    if (files == null || files.isEmpty()) {
      errors.add(new FieldError("file", "请附处置结果照片"));
    } else if (files.size() > 1) {
      errors.add(new FieldError("file", "办结时附一张处置结果照片"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    List<PreparedFile> photo = attachments.prepare(List.of(new Upload(files.get(0).getOriginalFilename(), bytes(files.get(0)))));
    return transaction.execute(s -> {
      List<Attachment> stored = attachments.store(AttachmentOwner.CASE, caseNo, STEP, CAPTION, photo, user.id(), clientRef);
      identity.setAuthentication(user.id(), user.groups(), user.tenants());
      try {
        tasks.complete(task.getId(), Map.of(CaseHandling.Variables.OUTCOME.name(), CaseHandling.Outcome.RESOLVED,
            CaseHandling.Variables.ACTIONS_TAKEN.name(), actionsTaken.strip()));
      } finally {
        identity.clearAuthentication();
      }
      return new FieldViews.Completed(caseNo, task.getId(), stored.get(0));
    });
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
