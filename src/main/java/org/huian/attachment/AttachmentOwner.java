package org.huian.attachment;

/** What an attachment belongs to: a case (its handling steps and agreements included) or a grid report. */
public enum AttachmentOwner {
  CASE,
  GRID_REPORT
}
