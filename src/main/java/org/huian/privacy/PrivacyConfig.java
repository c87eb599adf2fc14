package org.huian.privacy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PrivacyConfig {

  /** No attachment store on this branch: nothing to purge (replaced by the AttachmentService adapter). */
  @Bean
  @ConditionalOnMissingBean(PhotoPurge.class)
  PhotoPurge noPhotos() {
    return new PhotoPurge() {
      @Override
      public int purgeCase(String caseNo) {
        return 0;
      }

      @Override
      public int purgeGridReport(String reportNo) {
        return 0;
      }
    };
  }
}
