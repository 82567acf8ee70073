package org.shangliang.notice;

/**
 * What a notice is: publicity (宣传), a topic announcement (议题预告), or one of a meeting's three
 * public notices (公开公示): its plan before it (议事方案), its process (议事过程) and its result
 * (结果公示) after it; and a 咨询类 or 听证类 resolution's follow-up (跟踪落实, 及时公示).
 */
public enum NoticeKind { PUBLICITY, TOPIC, RESULT, PLAN, PROCESS, FOLLOW_UP }
