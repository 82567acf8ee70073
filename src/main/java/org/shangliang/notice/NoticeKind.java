package org.shangliang.notice;

/** What a notice is: publicity (宣传), a topic announcement (议题预告) or a meeting's result (结果公示). */
public enum NoticeKind { PUBLICITY, TOPIC, RESULT }
