package org.huian.mediation;

/** How the parties meet. The two remote modes confirm the agreement through personal links. */
public enum MediationMode {
  ON_SITE("现场调解", false),
  REMOTE_VIDEO("远程视频调解", true),
  PHONE("电话调解", true);

  private final String nameZh;
  private final boolean remote;

  MediationMode(String nameZh, boolean remote) {
    this.nameZh = nameZh;
    this.remote = remote;
  }

  public String nameZh() {
    return nameZh;
  }

  public boolean remote() {
    return remote;
  }
}
