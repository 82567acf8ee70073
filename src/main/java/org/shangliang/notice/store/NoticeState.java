package org.shangliang.notice.store;

/** A notice is written as a draft, published to its displays, and at last retracted; never deleted. */
public enum NoticeState { DRAFT, PUBLISHED, RETRACTED }
